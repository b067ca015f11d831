// Writes map.html: the places (map.geojson) over Natural Earth country
// outlines (world-atlas), drawn by Leaflet without any tile server.
//   node page.js map.geojson map.html
'use strict';
const fs = require('fs');
const path = require('path');
const topojson = require('topojson-client');

const [input, output] = process.argv.slice(2);
const places = JSON.parse(fs.readFileSync(input, 'utf8'));
const world = require('world-atlas/countries-50m.json');
const countries = topojson.feature(world, world.objects.countries);
const leaflet = path.dirname(require.resolve('leaflet/dist/leaflet.js'));

fs.writeFileSync(output, `<!doctype html>
<html><head><meta charset="utf-8"><title>conflict: places of the sample dispatches</title>
<link rel="stylesheet" href="file://${leaflet}/leaflet.css">
<script src="file://${leaflet}/leaflet.js"></script>
<style>
  html, body, #map { margin: 0; height: 100%; background: #dce9f2; font-family: sans-serif; }
  .leaflet-tooltip { font-size: 12px; padding: 1px 4px; }
  #title { position: absolute; z-index: 1000; left: 12px; top: 10px; background: #fffd;
           padding: 6px 10px; border-radius: 4px; font-size: 14px; }
</style></head>
<body><div id="map"></div>
<div id="title"><b>Places in the sample dispatches</b><br>
circle area: people reported killed &middot; label: place (articles)</div>
<script>
const places = ${JSON.stringify(places)};
const countries = ${JSON.stringify(countries)};
const map = L.map('map', { zoomControl: false, attributionControl: false, zoomSnap: 0.25 });
L.geoJSON(countries, { style: { color: '#999', weight: 0.6, fillColor: '#f4f1ea', fillOpacity: 1 } }).addTo(map);
const layer = L.geoJSON(places, {
  pointToLayer: (f, ll) => L.circleMarker(ll, {
    radius: 4 + 2.2 * Math.sqrt(f.properties.killed || 0),
    color: '#8b1a1a', weight: 1, fillColor: '#d73027', fillOpacity: 0.6 })
    .bindTooltip(f.properties.name + ' (' + f.properties.articles + ')',
                 { permanent: true, direction: 'right', offset: [6, 0] })
}).addTo(map);
map.fitBounds(layer.getBounds().pad(0.08));
</script></body></html>
`);
