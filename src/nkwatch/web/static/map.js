// The map page and the event page's small map: an offline basemap (Natural Earth country shapes from
// world-atlas, drawn by Leaflet), the events of the page's JSON twin as circles coloured by type and
// sized by place precision, overlapping ones clustered (leaflet.markercluster; a cluster shows the
// share of each type), and a labelled layer of the places analysts know (sites, the MDL, the NLL).
// The map opens on the Korean peninsula; a filtered view fits its events.
(function () {
  "use strict";
  var KOREA = [38.4, 127.4], KOREA_ZOOM = 6;   // the peninsula, from Jeju to the Tumen
  var LABELS_FROM = 6;                          // site labels are shown from this zoom in

  function typeColour(type) {
    return getComputedStyle(document.documentElement).getPropertyValue("--t-" + type).trim() || "#888";
  }
  function typeName(type) { return type.replace(/_/g, " "); }

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

  function basemap(map, el) {
    map.createPane("basemap").style.zIndex = 200;
    fetch(el.dataset.basemap).then(function (r) { return r.json(); }).then(function (topo) {
      var countries = topojson.feature(topo, topo.objects.countries);
      countries.features = countries.features.map(continuous);
      L.geoJSON(countries, {
        pane: "basemap", interactive: false,
        style: { color: "#8a8f98", weight: 0.8, fillColor: "#efece4", fillOpacity: 1 }
      }).addTo(map);
      el.dataset.basemapLoaded = "1";
    }).catch(function () { el.dataset.basemapLoaded = "0"; });
  }

  function popup(ev) {
    var box = document.createElement("div");
    var type = document.createElement("div");
    type.className = "popup-type";
    type.textContent = (ev.type_name || typeName(ev.type)) + " · " + ev.date_shown.text;
    var link = document.createElement("a");
    link.href = "/events/" + encodeURIComponent(ev.id);
    link.textContent = ev.headline || ev.what || typeName(ev.type);
    var place = document.createElement("div");
    place.textContent = (ev.place || "") + (ev.place_precision ? " (" + ev.place_precision + ")" : "");
    box.append(type, link, place);
    return box;
  }

  // A cluster's icon: its count on a ring whose arcs give the share of each type.
  function clusterIcon(cluster) {
    var counts = {}, total = 0;
    cluster.getAllChildMarkers().forEach(function (m) {
      counts[m.options.eventType] = (counts[m.options.eventType] || 0) + 1;
      total += 1;
    });
    var stops = [], at = 0;
    Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; }).forEach(function (type) {
      var end = at + counts[type] / total * 360;
      stops.push(typeColour(type) + " " + at + "deg " + end + "deg");
      at = end;
    });
    var ring = document.createElement("div");
    ring.className = "cluster-ring";
    ring.style.background = "conic-gradient(" + stops.join(", ") + ")";  // CSSOM: allowed by the CSP
    ring.dataset.types = Object.keys(counts).join(" ");
    var count = document.createElement("span");
    count.textContent = String(total);
    ring.append(count);
    var size = total < 10 ? 34 : total < 100 ? 40 : 48;
    return L.divIcon({ html: ring, className: "event-cluster", iconSize: [size, size] });
  }

  function landmarks(map, data, small) {
    var layer = L.layerGroup();
    data.lines.forEach(function (line) {
      L.polyline(line.points, { className: "landmark-line", interactive: true })
        .bindTooltip(line.short, { permanent: true, direction: "center", className: "landmark-label line-label" })
        .bindPopup(line.name + ": " + line.note).addTo(layer);
    });
    data.sites.forEach(function (site) {
      L.circleMarker([site.lat, site.lon], { radius: 3.5, className: "landmark-site" })
        .bindTooltip(site.name, { permanent: true, direction: "right", offset: [4, 0], className: "landmark-label" })
        .bindPopup(site.name + " (" + site.kind + "): " + site.note).addTo(layer);
    });
    layer.addTo(map);
    L.control.layers(null, { "Places analysts know": layer }, { collapsed: small }).addTo(map);
  }

  function draw(el) {
    if (typeof L === "undefined" || typeof topojson === "undefined" || typeof L.markerClusterGroup === "undefined") {
      el.classList.add("missing");
      el.textContent = "The map library is not installed: run scripts/vendor-web.";
      return;
    }
    var small = el.classList.contains("small-map");
    var map = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 12, scrollWheelZoom: !small });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth (public domain), world-atlas");
    map.on("moveend", function () {
      var c = map.getCenter();
      el.dataset.center = c.lat.toFixed(2) + "," + c.lng.toFixed(2);
      el.dataset.zoom = String(map.getZoom());
      el.classList.toggle("few-labels", map.getZoom() < LABELS_FROM);
    });
    map.setView(KOREA, KOREA_ZOOM);
    basemap(map, el);
    fetch(el.dataset.src, { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); }).then(function (data) {
      var events = data.located || (data.event && data.event.lat !== null ? [data.event] : []);
      var clusters = L.markerClusterGroup({ iconCreateFunction: clusterIcon, showCoverageOnHover: false,
                                            maxClusterRadius: 40, spiderfyOnMaxZoom: true });
      var points = [];
      events.forEach(function (ev) {
        var marker = L.circleMarker([ev.lat, ev.lon], {
          radius: ev.radius, weight: 1.5, fillOpacity: 0.45, eventType: ev.type,
          className: "event-marker t-" + ev.type
        });
        marker.bindPopup(popup(ev));
        clusters.addLayer(marker);
        points.push([ev.lat, ev.lon]);
      });
      clusters.addTo(map);
      if (data.landmarks) landmarks(map, data.landmarks, small);
      if (points.length && (data.filtered || small)) map.fitBounds(points, { padding: [40, 40], maxZoom: small ? 6 : 7 });
      el.dataset.markers = String(points.length);
    }).catch(function () { el.dataset.markers = "error"; });
  }

  document.querySelectorAll(".event-map").forEach(draw);
})();
