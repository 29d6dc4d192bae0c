// Leaflet 1.9's ES module build has no types of its own (and its package.json no `module` or
// `exports`): @types/leaflet describes the same API under the name `leaflet`.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
