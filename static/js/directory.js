/* Centre directory: map, "near me", autocomplete and click-to-load tours.
   Progressive enhancement only: every feature here has a no-JavaScript path
   (the list, the coordinates fields, the plain search box, the tour link). */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  // Without tiles the outline of the countries is all there is to see: closer
  // than this it would be a blank field of land.
  var OUTLINE_MAX_ZOOM = 8;

  function reducedMotion() {
    return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  /* A map that never moves by itself: no zoom or fade animations, and, when the
     visitor asks for reduced motion, no inertia and no animated panning (a popup
     opening near the edge, the keyboard, a new view jump instead of gliding). */
  function calmMap(L, el, options) {
    var calm = reducedMotion();
    var map = L.map(el, L.extend({
      scrollWheelZoom: false,
      zoomAnimation: false,
      fadeAnimation: false,
      markerZoomAnimation: false,
      inertia: !calm,
      maxZoom: OUTLINE_MAX_ZOOM,
    }, options || {}, { zoomControl: false }));
    // Leaflet's own words (zoom buttons, its credit) in the page's language.
    L.control.zoom({
      zoomInTitle: el.dataset.zoomIn || "Zoom in",
      zoomOutTitle: el.dataset.zoomOut || "Zoom out",
    }).addTo(map);
    var credit = document.createElement("a");
    credit.href = "https://leafletjs.com";
    credit.title = el.dataset.leafletTitle || "A JavaScript library for interactive maps";
    credit.textContent = "Leaflet";
    map.attributionControl.setPrefix(credit.outerHTML);
    if (calm) {
      map.panBy = function (offset, panOptions) {
        return L.Map.prototype.panBy.call(map, offset, L.extend({}, panOptions, { animate: false }));
      };
    }
    return map;
  }

  /* Natural Earth closes Russia's rings across the 180th meridian (a vertex at
     -180 next to one at 179.9): drawn as they are, they streak across the whole
     world. Rings that span more than half the globe are moved east instead. */
  function unwrapAntimeridian(feature) {
    var geometry = feature.geometry;
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    polygons.forEach(function (polygon) {
      polygon.forEach(function (ring) {
        var west = Infinity, east = -Infinity;
        ring.forEach(function (point) {
          west = Math.min(west, point[0]);
          east = Math.max(east, point[0]);
        });
        if (east - west <= 180) return;
        ring.forEach(function (point) { if (point[0] < 0) point[0] += 360; });
      });
    });
  }

  /* The base layer, from this site only: the countries' outlines (Natural Earth
     data, static/vendor/world-atlas/) over the sea colour of the container.
     A map that opens on the whole of Europe draws the light 1:110m outline
     (data-outline-url) and the 1:50m one (data-outline-detail-url) only once
     the visitor zooms in to where its detail shows. */
  var DETAIL_ZOOM = 5;

  function outlineLayer(L, map, el) {
    var topojson = window.topojson;
    if (!topojson || !el.dataset.outlineUrl || !window.fetch) return;
    map.createPane("outline"); // under the tiles: the detailed map covers it
    var shown = null;
    var shownRank = -1;

    // The more detailed outline (higher rank) stays, whichever arrives first.
    function draw(url, rank, mark) {
      return fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (topology) {
          var layer = L.geoJSON(null, {
            pane: "outline",
            renderer: L.svg({ pane: "outline", padding: 0.5 }),
            interactive: false,
            attribution: el.dataset.outlineAttribution,
            style: {
              color: "#8f9ba3",
              weight: 0.8,
              opacity: 1,
              fillColor: "#f4f1e8",
              fillOpacity: 1,
            },
          }).addTo(map);
          // A few milliseconds of drawing at a time, yielding in between: one
          // long task would keep the page from answering the visitor (a slow
          // phone takes several times longer than this budget says).
          var geometries = topology.objects.countries.geometries.slice();
          function next() {
            var until = Date.now() + 8;
            while (geometries.length && Date.now() < until) {
              var country = topojson.feature(topology, geometries.shift());
              unwrapAntimeridian(country);
              layer.addData(country);
            }
            if (geometries.length) return setTimeout(next, 0);
            if (rank > shownRank) {
              if (shown) map.removeLayer(shown);
              shown = layer;
              shownRank = rank;
            } else {
              map.removeLayer(layer);
            }
            el.dataset[mark] = "shown";
          }
          next();
        });
    }

    var detail = el.dataset.outlineDetailUrl;
    draw(el.dataset.outlineUrl, 0, "outline").catch(function () { /* markers on the sea colour still work */ });
    if (!detail) return;
    function zoomed() {
      if (map.getZoom() < DETAIL_ZOOM) return;
      map.off("zoomend", zoomed);
      draw(detail, 1, "outlineDetail").catch(function () { /* the light outline stays */ });
    }
    map.on("zoomend", zoomed);
  }

  /* The detailed map: tiles from a third party, only when the visitor presses
     the button that says so (templates/includes/map_detail.html). Nothing is
     remembered: the next page opens with the outline again. */
  function detailButton(L, map, el, onShown) {
    var button = el.id && document.querySelector('.map-detail__button[aria-controls="' + el.id + '"]');
    if (!button || !el.dataset.tileUrl) return;
    var box = button.closest(".map-detail");
    var help = box.querySelector(".map-detail__help");
    var status = box.querySelector(".map-detail__status");
    box.hidden = false;
    button.addEventListener("click", function () {
      var maxZoom = parseInt(el.dataset.maxZoom || "19", 10);
      map.setMaxZoom(maxZoom);
      if (onShown) onShown(); // a new view first: no tiles fetched for the old one
      L.tileLayer(el.dataset.tileUrl, {
        attribution: el.dataset.attribution,
        maxZoom: maxZoom,
      }).addTo(map);
      el.dataset.detail = "shown";
      button.hidden = true;
      if (help) help.hidden = true;
      if (status) status.textContent = status.dataset.shownText || "";
      // The button is gone: keep the keyboard on the map it changed.
      el.focus({ preventScroll: true });
    });
  }

  /* Directory map: the same filtered centres as the list, from the GeoJSON. */
  function directoryMap(el) {
    var L = window.L;
    if (!L || !window.fetch) return;
    el.hidden = false;
    el.setAttribute("role", "region");
    el.setAttribute("aria-label", el.dataset.label || "Map");
    var note = document.querySelector(".directory-map-note");
    var map = calmMap(L, el, { preferCanvas: true });
    outlineLayer(L, map, el);
    detailButton(L, map, el);
    var legend = el.id && document.querySelector('[data-legend-for="' + el.id + '"]');
    if (legend) legend.hidden = false;
    var layer = L.layerGroup().addTo(map);
    var base = el.dataset.geojsonUrl;
    var query = el.dataset.query || "";
    var controller = null;
    var first = true;

    function popup(feature) {
      var box = document.createElement("div");
      var link = document.createElement("a");
      link.href = feature.properties.url;
      link.textContent = feature.properties.name;
      box.appendChild(link);
      var meta = document.createElement("p");
      meta.textContent = [feature.properties.type, feature.properties.city]
        .filter(Boolean)
        .join(" · ");
      box.appendChild(meta);
      if (feature.properties.tour && el.dataset.tourLabel) {
        var tour = document.createElement("p");
        tour.textContent = el.dataset.tourLabel;
        box.appendChild(tour);
      }
      return box;
    }

    function draw(data) {
      layer.clearLayers();
      var bounds = [];
      // Centres with a tour last, so that their marks are on top.
      var features = data.features.filter(function (f) { return !f.properties.tour; })
        .concat(data.features.filter(function (f) { return f.properties.tour; }));
      features.forEach(function (feature) {
        var c = feature.geometry.coordinates;
        // Centres with a virtual tour: a larger dark mark (see the legend).
        var tour = !!feature.properties.tour;
        var marker = L.circleMarker([c[1], c[0]], {
          radius: tour ? 9 : 7,
          weight: tour ? 3 : 2,
          color: "#07365f",
          fillColor: tour ? "#07365f" : "#ffcc00",
          fillOpacity: 0.9,
        });
        marker.bindPopup(function () { return popup(feature); });
        marker.addTo(layer);
        bounds.push([c[1], c[0]]);
      });
      if (note) {
        note.hidden = !data.truncated;
        note.textContent = data.truncated ? el.dataset.truncatedText : "";
      }
      return bounds;
    }

    function load(withBbox) {
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      var params = query ? query + "&" : "";
      if (withBbox) {
        var b = map.getBounds();
        params += "bbox=" + [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
          .map(function (n) { return n.toFixed(4); }).join(",");
      }
      fetch(base + (params ? "?" + params : ""), {
        headers: { Accept: "application/geo+json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (data) {
          var bounds = draw(data);
          if (first) {
            first = false;
            if (bounds.length) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 12, animate: false });
            else map.setView([50, 10], 4, { animate: false });
            map.on("moveend", debounce(function () {
              // An open popup pans the map into view: redrawing the marks
              // then would close it under the visitor's eyes. Wait for it.
              if (popupOpen) stale = true;
              else load(true);
            }, 300));
          }
        })
        .catch(function () { /* the list above still works */ });
    }

    var popupOpen = false;
    var stale = false;
    map.on("popupopen", function () { popupOpen = true; });
    map.on("popupclose", function () {
      popupOpen = false;
      if (stale) { stale = false; load(true); }
    });
    map.setView([50, 10], 4);
    load(false);
  }

  function debounce(fn, wait) {
    var timer;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, wait);
    };
  }

  /* A small map on a centre page. */
  function centreMap(el) {
    var L = window.L;
    if (!L) return;
    var lat = parseFloat(el.dataset.latitude);
    var lng = parseFloat(el.dataset.longitude);
    if (isNaN(lat) || isNaN(lng)) return;
    el.hidden = false;
    el.setAttribute("role", "region");
    el.setAttribute("aria-label", el.dataset.label || "Map");
    // The outline shows the country and region; the detailed map, the street.
    var map = calmMap(L, el).setView([lat, lng], 6, { animate: false });
    outlineLayer(L, map, el);
    detailButton(L, map, el, function () {
      map.setView([lat, lng], 14, { animate: false });
    });
    L.circleMarker([lat, lng], {
      radius: 9, weight: 3, color: "#07365f", fillColor: "#ffcc00", fillOpacity: 0.9,
    }).addTo(map).bindTooltip(el.dataset.name);
  }

  /* "Use my location": fills the coordinates fields; nothing leaves the page
     except through the form the visitor submits to this site. */
  function nearMe(button) {
    if (!navigator.geolocation) return;
    var form = button.closest("form");
    var status = form.querySelector(".directory-near-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = button.dataset.waiting || "…";
      navigator.geolocation.getCurrentPosition(
        function (position) {
          form.querySelector("[name=lat]").value = position.coords.latitude.toFixed(4);
          form.querySelector("[name=lng]").value = position.coords.longitude.toFixed(4);
          status.textContent = "";
          form.submit();
        },
        function () {
          status.textContent = button.dataset.error || "";
        },
        { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 }
      );
    });
  }

  /* Autocomplete: the ARIA 1.2 combobox pattern (list popup). */
  function combobox(wrapper) {
    var input = wrapper.querySelector("input");
    var url = wrapper.dataset.autocompleteUrl;
    if (!input || !url || !window.fetch) return;
    var listId = input.id + "-listbox";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "combobox__list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    wrapper.appendChild(list);
    var live = document.createElement("p");
    live.className = "visually-hidden";
    live.setAttribute("role", "status");
    wrapper.appendChild(live);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    var items = [];
    var active = -1;
    var controller = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(item) {
      if (item.url) {
        window.location.href = item.url;
        return;
      }
      input.value = item.label;
      close();
      input.form.submit();
    }

    function render(suggestions) {
      list.textContent = "";
      items = suggestions;
      suggestions.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = item.label + (item.kind === "centre" && item.city ? " — " + item.city : "");
        option.className = "combobox__option combobox__option--" + item.kind;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(item);
        });
        list.appendChild(option);
      });
      var open = suggestions.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      live.textContent = open ? suggestions.length + " ↓" : "";
      active = -1;
    }

    function move(delta) {
      if (!items.length) return;
      var options = list.querySelectorAll("[role=option]");
      if (active >= 0) options[active].setAttribute("aria-selected", "false");
      active = (active + delta + items.length) % items.length;
      options[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[active].id);
    }

    var fetchSuggestions = debounce(function () {
      var text = input.value.trim();
      if (text.length < 2) { render([]); return; }
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) { render(data.suggestions || []); })
        .catch(function () {});
    }, 150);

    input.addEventListener("input", fetchSuggestions);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); if (list.hidden) fetchSuggestions(); else move(1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0 && !list.hidden) {
        event.preventDefault();
        choose(items[active]);
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  /* 360° tour: the third-party frame loads only when asked for. */
  function tour(box) {
    // Only tours whose host the Content-Security-Policy allows in a frame carry
    // data-tour-url; the others stay a plain link to the tour's own site.
    var button = box.querySelector(".centre-tour__load");
    var src = box.dataset.tourUrl || "";
    if (!button || !/^https:\/\//.test(src)) return;
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = src;
      frame.title = box.dataset.title || "";
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("loading", "lazy");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      box.textContent = "";
      box.appendChild(frame);
      frame.focus();
    });
  }

  /* The map libraries load after the page has loaded, and once the map is
     within half a screen of the visible part: the text, the list and the
     search form are shown and usable first, whatever the connection, and a
     visitor who never scrolls to the map never downloads it. The box takes
     its place at once, so nothing moves when the map arrives. */
  function withLibraries(el, fn) {
    var urls = (el.dataset.libraries || "").split(" ").filter(Boolean);
    if (!window.fetch) return;
    el.hidden = false;
    function next() {
      if (!urls.length) return fn();
      var script = document.createElement("script");
      script.src = urls.shift();
      script.onload = next;
      script.onerror = function () { el.hidden = true; };
      document.head.appendChild(script);
    }
    function load() { if (window.L) fn(); else next(); }
    function start() {
      if (!window.IntersectionObserver) return load();
      var observer = new IntersectionObserver(function (entries) {
        if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
        observer.disconnect();
        load();
      }, { rootMargin: "50% 0px" });
      observer.observe(el);
    }
    if (document.readyState === "complete") start();
    else window.addEventListener("load", start);
  }

  ready(function () {
    document.querySelectorAll(".directory-map").forEach(function (el) {
      withLibraries(el, function () { directoryMap(el); });
    });
    document.querySelectorAll(".centre-map").forEach(function (el) {
      withLibraries(el, function () { centreMap(el); });
    });
    document.querySelectorAll(".directory-near-me").forEach(nearMe);
    document.querySelectorAll(".combobox[data-autocomplete-url]").forEach(combobox);
    document.querySelectorAll(".centre-tour__frame").forEach(tour);
  });
})();
