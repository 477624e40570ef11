// Progressive enhancement only: every feature works without this file.
(function () {
  "use strict";

  // Click-to-load videos: nothing is requested from the video host until the
  // visitor presses the button; without JavaScript the plain link remains.
  function embedUrl(url) {
    try {
      var parsed = new URL(url);
      var host = parsed.hostname.replace(/^www\./, "");
      if (host === "youtube.com" || host === "m.youtube.com") {
        var id = parsed.searchParams.get("v");
        if (id) return "https://www.youtube-nocookie.com/embed/" + encodeURIComponent(id) + "?autoplay=1";
      }
      if (host === "youtu.be") return "https://www.youtube-nocookie.com/embed/" + encodeURIComponent(parsed.pathname.slice(1)) + "?autoplay=1";
      if (host === "vimeo.com") return "https://player.vimeo.com/video/" + encodeURIComponent(parsed.pathname.split("/")[1]) + "?autoplay=1&dnt=1";
    } catch (e) { /* not a URL: leave the link */ }
    return null;
  }

  document.querySelectorAll("[data-video-url]").forEach(function (figure) {
    var src = embedUrl(figure.dataset.videoUrl);
    var button = figure.querySelector(".video__load");
    if (!src || !button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var iframe = document.createElement("iframe");
      iframe.src = src;
      iframe.title = figure.dataset.videoTitle || "";
      iframe.allow = "autoplay; fullscreen; picture-in-picture";
      iframe.allowFullscreen = true;
      var placeholder = figure.querySelector(".video__placeholder");
      placeholder.replaceWith(iframe);
      iframe.focus();
    });
  });
})();
