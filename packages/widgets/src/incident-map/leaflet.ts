import { restoreInnerHtml } from './leaflet-trusted-types.js';
import * as Leaflet from 'leaflet/dist/leaflet-src.esm.js';

// Leaflet's one string-to-innerHTML that runs on import has run (see leaflet-trusted-types.ts).
restoreInnerHtml();

/**
 * Leaflet 1.9 (BSD-2-Clause), its ES module build, loaded so that it runs under Trusted Types.
 * The map uses none of its parts that assign strings as HTML: no attribution control, no zoom
 * control, no popups or tooltips, and DivIcons whose `html` is an element.
 */
export { Leaflet };
