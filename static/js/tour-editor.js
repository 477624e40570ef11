/* Tour editor: under each scene's panorama, a flat preview of it; a click
   sets the direction (yaw, pitch) of the arrow or information point whose
   fields were last focused. The numeric fields stay the way to type it. */
(function () {
  "use strict";

  var script = document.currentScript || document.querySelector("script[data-preview-url]");
  var previewBase = (script && script.dataset.previewUrl) || "";
  var strings = (script && script.dataset) || {};

  function escapeRe(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  function field(name) { return document.querySelector('[name="' + name + '"]'); }

  function setup(input) {
    if (input.dataset.tourPlacer) return;
    input.dataset.tourPlacer = "1";
    var prefix = input.name.replace(/-panorama$/, "");
    var own = new RegExp("^(" + escapeRe(prefix) + "-(links|points)-\\d+-value)-");
    var wrapper = input.closest('[data-contentpath="panorama"]') || input.parentElement;
    var box = document.createElement("div");
    box.className = "tour-placer";
    var help = document.createElement("p");
    help.className = "tour-placer__help";
    var frame = document.createElement("div");
    frame.className = "tour-placer__frame";
    var image = document.createElement("img");
    image.alt = strings.alt || "";
    frame.appendChild(image);
    box.appendChild(help);
    box.appendChild(frame);
    wrapper.parentNode.insertBefore(box, wrapper.nextSibling);

    var active = null;
    var shownId = null;

    function describe() {
      var named = active ? [field(active + "-label"), field(active + "-title"), field(active + "-target")].filter(function (f) { return f && f.value; })[0] : null;
      var what = active ? ((/-links-/.test(active) ? strings.arrow : strings.point) + (named ? " “" + named.value + "”" : "")) : "";
      help.textContent = active ? (strings.placing || "") + " " + what : (strings.help || "");
    }

    function markers() {
      frame.querySelectorAll(".tour-placer__mark").forEach(function (m) { m.remove(); });
      document.querySelectorAll('input[name^="' + prefix + '-"][name$="-yaw"]').forEach(function (yawInput) {
        var base = yawInput.name.replace(/-yaw$/, "");
        if (!own.test(yawInput.name)) return;
        var deleted = field(base.replace(/-value$/, "-deleted"));
        if (deleted && deleted.value) return;
        var pitchInput = field(base + "-pitch");
        var yaw = parseFloat(yawInput.value) || 0;
        var pitch = pitchInput ? parseFloat(pitchInput.value) || 0 : 0;
        var mark = document.createElement("span");
        mark.className = "tour-placer__mark" + (/-links-/.test(base) ? " tour-placer__mark--arrow" : "") + (base === active ? " is-active" : "");
        mark.style.left = ((yaw + 180) / 360) * 100 + "%";
        mark.style.top = ((90 - pitch) / 180) * 100 + "%";
        mark.setAttribute("aria-hidden", "true");
        frame.appendChild(mark);
      });
    }

    function refresh() {
      var id = input.value;
      if (id !== shownId) {
        shownId = id;
        box.hidden = !id;
        if (id) image.src = previewBase.replace(/0\/$/, id + "/");
      }
      markers();
    }

    document.addEventListener("focusin", function (event) {
      var name = event.target && event.target.name;
      var match = name && own.exec(name);
      if (match && match[1] !== active) {
        active = match[1];
        describe();
        markers();
      }
    });
    document.addEventListener("input", function (event) {
      if (event.target.name && event.target.name.indexOf(prefix + "-") === 0) markers();
    });
    image.addEventListener("click", function (event) {
      if (!active) { help.textContent = strings.first || ""; return; }
      var rect = image.getBoundingClientRect();
      var yaw = ((event.clientX - rect.left) / rect.width) * 360 - 180;
      var pitch = 90 - ((event.clientY - rect.top) / rect.height) * 180;
      [["-yaw", yaw], ["-pitch", pitch]].forEach(function (pair) {
        var target = field(active + pair[0]);
        if (!target) return;
        target.value = (Math.round(pair[1] * 10) / 10).toString();
        target.dispatchEvent(new Event("input", { bubbles: true }));
        target.dispatchEvent(new Event("change", { bubbles: true }));
      });
      markers();
    });
    describe();
    refresh();
    setInterval(refresh, 1000);
  }

  function scan() {
    document.querySelectorAll('input[type="hidden"][name$="-panorama"]').forEach(setup);
  }
  scan();
  // Scenes added while editing get their preview too.
  setInterval(scan, 1000);
})();
