// The map page: an offline basemap (Natural Earth country shapes from world-atlas, drawn by
// Leaflet) and the events of the page's JSON twin as circles sized by place precision.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el) return;
  if (typeof L === "undefined" || typeof topojson === "undefined") {
    el.classList.add("missing");
    el.textContent = "The map library is not installed: run scripts/vendor-web.";
    return;
  }
  var map = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 10 }).setView([39.0, 127.5], 5);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth (public domain), world-atlas");
  map.createPane("basemap").style.zIndex = 200;

  // Natural Earth rings that touch the antimeridian (Russia, Fiji) jump from +180 to -180;
  // drawn flat, that jump is a line across the whole map. Keep each ring continuous instead.
  function unwrap(ring) {
    var shift = 0, prev = null;
    return ring.map(function (point) {
      var lon = point[0] + shift;
      if (prev !== null && Math.abs(lon - prev) > 180) {
        shift += lon > prev ? -360 : 360;
        lon = point[0] + shift;
      }
      prev = lon;
      return [lon, point[1]];
    });
  }
  function continuous(feature) {
    var g = feature.geometry;
    if (g && g.type === "Polygon") g.coordinates = g.coordinates.map(unwrap);
    if (g && g.type === "MultiPolygon") g.coordinates = g.coordinates.map(function (p) { return p.map(unwrap); });
    return feature;
  }

  fetch(el.dataset.basemap).then(function (r) { return r.json(); }).then(function (topo) {
    var countries = topojson.feature(topo, topo.objects.countries);
    countries.features = countries.features.map(continuous);
    L.geoJSON(countries, {
      pane: "basemap", interactive: false,
      style: { color: "#8a8f98", weight: 0.8, fillColor: "#efece4", fillOpacity: 1 }
    }).addTo(map);
    el.dataset.basemapLoaded = "1";
  }).catch(function () { el.dataset.basemapLoaded = "0"; });

  function popup(ev) {
    var box = document.createElement("div");
    var type = document.createElement("div");
    type.className = "popup-type";
    type.textContent = ev.type.replace(/_/g, " ") + " · " + ev.date_shown.text;
    var link = document.createElement("a");
    link.href = "/events/" + encodeURIComponent(ev.id);
    link.textContent = ev.what || ev.type.replace(/_/g, " ");
    var place = document.createElement("div");
    place.textContent = (ev.place || "") + (ev.place_precision ? " (" + ev.place_precision + ")" : "");
    box.append(type, link, place);
    return box;
  }

  fetch(el.dataset.src, { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); }).then(function (data) {
    var points = [];
    data.located.forEach(function (ev) {
      var marker = L.circleMarker([ev.lat, ev.lon], {
        radius: ev.radius, color: "#b3261e", weight: 1.5, fillColor: "#b3261e", fillOpacity: 0.35,
        className: "event-marker"
      });
      marker.bindPopup(popup(ev)).addTo(map);
      points.push([ev.lat, ev.lon]);
    });
    if (points.length) map.fitBounds(points, { padding: [40, 40], maxZoom: 7 });
    el.dataset.markers = String(points.length);
  }).catch(function () { el.dataset.markers = "error"; });
})();
