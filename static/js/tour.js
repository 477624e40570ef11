/* A virtual tour page: the 360° viewer (Pannellum, vendored) loads only when
   the visitor presses "Start the 360° tour"; until then nothing of it is
   requested. Without JavaScript or WebGL the text version is the tour. */
(function () {
  "use strict";

  var stage = document.getElementById("tour-stage");
  var configNode = document.getElementById("tour-config");
  if (!stage || !configNode) return;
  var button = stage.querySelector(".tour-viewer__load");
  var controls = document.querySelector(".tour-viewer__controls");
  var status = controls.querySelector(".tour-viewer__status");
  var pointBox = document.getElementById("tour-point");
  var config = JSON.parse(configNode.textContent);
  var keys = Object.keys(config.scenes);
  if (!keys.length || !webgl()) return;
  button.hidden = false;

  function webgl() {
    try {
      var canvas = document.createElement("canvas");
      return !!(window.WebGLRenderingContext && (canvas.getContext("webgl") || canvas.getContext("experimental-webgl")));
    } catch (e) { return false; }
  }

  function reducedMotion() {
    return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { node[name] = attributes[name]; });
      node.onload = resolve;
      node.onerror = reject;
      document.head.appendChild(node);
    });
  }

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
  }

  // Hot spots are reachable with the keyboard and named for screen readers.
  function focusable(action) {
    return function (div, args) {
      div.tabIndex = 0;
      div.setAttribute("role", "button");
      div.setAttribute("aria-label", args.text);
      div.title = args.text;
      div.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          action(args);
        }
      });
    };
  }

  function showPoint(id) {
    var source = document.getElementById("point-" + id);
    if (!source) return;
    pointBox.innerHTML = "";
    var copy = source.cloneNode(true);
    copy.removeAttribute("id");
    pointBox.appendChild(copy);
    pointBox.hidden = false;
    pointBox.focus();
  }

  function start() {
    button.disabled = true;
    button.textContent = stage.dataset.loading;
    var wide = (window.innerWidth || 0) * (window.devicePixelRatio || 1) > 1400;
    Promise.all([
      load("link", { rel: "stylesheet", href: stage.dataset.viewerCss }),
      load("script", { src: stage.dataset.viewerJs }),
    ]).then(function () {
      var viewer;
      var goTo = function (args) { viewer.loadScene(args.sceneId); };
      var open = function (args) { showPoint(args.point); };
      var scenes = {};
      keys.forEach(function (key) {
        var scene = config.scenes[key];
        scenes[key] = {
          title: scene.title,
          type: "equirectangular",
          panorama: wide ? scene.panoramaLarge : scene.panorama,
          hotSpots: scene.hotSpots.map(function (spot) {
            var info = spot.type === "info";
            return {
              type: info ? "info" : "scene",
              sceneId: spot.sceneId,
              yaw: spot.yaw,
              pitch: spot.pitch,
              text: spot.text,
              point: spot.point,
              cssClass: "tour-hotspot tour-hotspot--" + (info ? "info" : "arrow"),
              createTooltipFunc: focusable(info ? open : goTo),
              createTooltipArgs: spot,
              clickHandlerFunc: info ? function () { open(spot); } : undefined,
            };
          }),
        };
      });
      var box = document.createElement("div");
      box.className = "tour-viewer__pano";
      box.setAttribute("role", "application");
      box.setAttribute("aria-label", stage.dataset.application);
      stage.innerHTML = "";
      stage.appendChild(box);
      viewer = window.pannellum.viewer(box, {
        default: {
          firstScene: config.firstScene,
          autoLoad: true,
          showControls: false,
          keyboardZoom: true,
          mouseZoom: false,
          hfov: 100,
          sceneFadeDuration: reducedMotion() ? 0 : 400,
          strings: { loadingLabel: stage.dataset.loading, genericWebGLError: stage.dataset.error, unknownError: stage.dataset.error },
        },
        scenes: scenes,
      });
      function announce(key) {
        var index = keys.indexOf(key);
        status.textContent = format(stage.dataset.sceneStatus, { number: index + 1, total: keys.length, title: config.scenes[key].title });
        controls.querySelectorAll("[data-scene]").forEach(function (b) {
          if (b.dataset.scene === key) b.setAttribute("aria-current", "true");
          else b.removeAttribute("aria-current");
        });
        pointBox.hidden = true;
      }
      viewer.on("scenechange", announce);
      announce(config.firstScene);
      controls.hidden = false;
      controls.addEventListener("click", function (event) {
        var target = event.target.closest("button");
        if (!target) return;
        if (target.dataset.scene) return viewer.loadScene(target.dataset.scene);
        var action = target.dataset.action;
        // Instant steps: nothing glides, and quick presses add up exactly.
        if (action === "left") viewer.setYaw(viewer.getYaw() - 30, false);
        if (action === "right") viewer.setYaw(viewer.getYaw() + 30, false);
        if (action === "in") viewer.setHfov(viewer.getHfov() - 15, false);
        if (action === "out") viewer.setHfov(viewer.getHfov() + 15, false);
        if (action === "fullscreen") viewer.toggleFullscreen();
      });
      box.tabIndex = 0;
      box.focus();
    }).catch(function () {
      button.disabled = false;
      button.textContent = stage.dataset.error;
    });
  }

  button.addEventListener("click", start);
})();
