import { css } from 'lit';
import { baseStyles, visuallyHidden } from '../shared/tokens.js';
import { leafletStyles } from './incident-map.leaflet.styles.js';

/**
 * Styles of `<blauw-incident-map>`: the shared tokens, Leaflet's own (trimmed), then the map's.
 * The list sits beside the map when the widget is wide enough, under it otherwise (container
 * query: 320 px, or 200 % zoom, stacks them). Marker colours are tokens; each marker also carries
 * its priority number or its unit's status sign, so colour is never the only cue.
 */
export const styles = [
  baseStyles,
  visuallyHidden,
  leafletStyles,
  css`
    :host {
      container-type: inline-size;
      line-height: 1.5;
      overflow-wrap: break-word;
      --_p1: var(--blauw-priority-1, #b3261e);
      --_p2: var(--blauw-priority-2, #a24a00);
      --_p3: var(--blauw-priority-3, #1f4e9c);
      --_p4: var(--blauw-priority-4, #595959);
    }
    .layout {
      display: grid;
      gap: var(--_blauw-space-4);
      grid-template-columns: minmax(0, 1fr);
    }
    @container (min-inline-size: 48rem) {
      .layout {
        grid-template-columns: minmax(0, 1fr) minmax(14rem, 20rem);
      }
    }
    .stage {
      position: relative;
      min-inline-size: 0;
    }
    [part~='map'] {
      position: relative;
      block-size: var(--blauw-map-height, 26rem);
      max-block-size: 70vh;
      min-block-size: 12rem;
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
      font-family: inherit;
      background: var(--blauw-map-background, #f4f4f1);
    }
    [part~='map']:focus-visible {
      outline: 0.1875rem solid var(--blauw-focus-ring, var(--_blauw-accent));
      outline-offset: 0.125rem;
    }
    .geo-outline {
      stroke: var(--blauw-map-outline, #1f4e9c);
      stroke-width: 3;
      fill: var(--blauw-map-zone, #ffffff);
      fill-opacity: 1;
    }
    .geo-municipality {
      stroke: var(--blauw-map-municipality, #767676);
      stroke-width: 1.5;
      stroke-dasharray: 6 4;
      fill: none;
    }
    .geo-street {
      stroke: var(--blauw-map-street, #b5b5b5);
      stroke-width: 3;
      stroke-linecap: round;
      fill: none;
    }
    .geo-other {
      stroke: var(--blauw-map-street, #b5b5b5);
      stroke-width: 1;
      fill: none;
    }
    /* Leaflet's icon (focusable, role=button) around our face. */
    .marker {
      background: none;
      border: 0;
      border-radius: 50%;
    }
    .marker:focus-visible {
      outline: 0.1875rem solid var(--blauw-focus-ring, var(--_blauw-accent));
      outline-offset: 0.1875rem;
    }
    .face {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 0.0625rem;
      inline-size: 100%;
      block-size: 100%;
      font-size: 0.8125rem;
      font-weight: 700;
      line-height: 1;
      color: #ffffff;
      border: 0.125rem solid #ffffff;
      box-shadow: 0 0 0 0.0625rem #1a1a1a;
      white-space: nowrap;
    }
    /* Incidents are squares with their priority number, units circles with their status sign. */
    .incident {
      border-radius: 0.25rem;
      font-size: 1rem;
    }
    .p1 {
      background: var(--_p1);
    }
    .p2 {
      background: var(--_p2);
    }
    .p3 {
      background: var(--_p3);
    }
    .p4 {
      background: var(--_p4);
    }
    .unit {
      border-radius: 50%;
      font-size: 0.6875rem;
      background: var(--blauw-unit-other, #595959);
    }
    .s-available {
      background: var(--blauw-unit-available, #1e6b34);
    }
    .s-dispatched,
    .s-en_route {
      background: var(--blauw-unit-en-route, #6a3d9a);
    }
    .s-on_scene {
      background: var(--blauw-unit-on-scene, #004f5f);
    }
    /* A shared position: a ringed dot (no number, no sign: its name says what it is) and its circle. */
    .position {
      border-radius: 50%;
      background: var(--blauw-map-position, #0b5cad);
    }
    .position-accuracy {
      stroke: var(--blauw-map-position, #0b5cad);
      stroke-width: 2;
      fill: var(--blauw-map-position, #0b5cad);
      fill-opacity: 0.15;
    }
    [part~='position'] {
      margin-block-end: var(--_blauw-space-4);
    }
    [part~='position'] [part~='entry'] {
      margin-block-end: var(--_blauw-space-2);
    }
    .marker[aria-pressed='true'] .face {
      transform: scale(1.3);
      box-shadow:
        0 0 0 0.125rem #1a1a1a,
        0 0 0 0.375rem var(--blauw-map-selected, #ffbf47);
    }
    .zoom {
      position: absolute;
      inset-block-start: var(--_blauw-space-2);
      inset-inline-start: var(--_blauw-space-2);
      z-index: 1000;
      display: flex;
      flex-direction: column;
    }
    .zoom button {
      font-size: var(--_blauw-font-size-lg);
      font-weight: 700;
      line-height: 1;
    }
    .zoom button:first-child {
      border-end-start-radius: 0;
      border-end-end-radius: 0;
    }
    .zoom button:last-child {
      border-start-start-radius: 0;
      border-start-end-radius: 0;
      border-block-start: 0;
    }
    [part~='attribution'] {
      margin: var(--_blauw-space-1) 0 0;
      font-size: var(--_blauw-font-size-sm);
      color: var(--_blauw-muted);
    }
    [part~='status'] {
      margin: 0 0 var(--_blauw-space-2);
      font-size: var(--_blauw-font-size-sm);
      color: var(--_blauw-muted);
    }
    [part~='status']:empty {
      margin: 0;
    }
    [part~='alert'] {
      margin: 0 0 var(--_blauw-space-3);
      padding: var(--_blauw-space-3);
      color: var(--_blauw-danger);
      border: 0.0625rem solid var(--_blauw-danger);
      border-radius: var(--_blauw-radius);
      display: flex;
      flex-wrap: wrap;
      gap: var(--_blauw-space-3);
      align-items: center;
    }
    [part~='alert'] p {
      margin: 0;
    }
    h2 {
      font-size: var(--_blauw-font-size-lg);
      margin-block: 0 var(--_blauw-space-2);
    }
    [part~='list'] {
      list-style: none;
      margin: 0 0 var(--_blauw-space-4);
      padding: 0;
      display: grid;
      gap: var(--_blauw-space-1);
    }
    [part~='entry'] {
      display: flex;
      gap: var(--_blauw-space-2);
      align-items: center;
      justify-content: flex-start;
      inline-size: 100%;
      padding: var(--_blauw-space-2);
      color: inherit;
      text-align: start;
      border-color: var(--_blauw-border);
    }
    [part~='entry'][aria-pressed='true'] {
      border: 0.125rem solid var(--_blauw-accent);
      background: var(--blauw-map-selected-entry, #eef3fb);
    }
    [part~='entry'] .face {
      flex: none;
      inline-size: 1.75rem;
      block-size: 1.75rem;
      box-shadow: none;
      border: 0;
    }
    [part~='empty'] {
      margin: 0 0 var(--_blauw-space-4);
      color: var(--_blauw-muted);
    }
    [part~='details'] {
      margin-block-start: var(--_blauw-space-3);
      padding: var(--_blauw-space-3);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    [part~='details'] dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: var(--_blauw-space-1) var(--_blauw-space-3);
      margin: 0 0 var(--_blauw-space-3);
    }
    [part~='details'] dt {
      font-weight: 700;
    }
    [part~='details'] dd {
      margin: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_blauw-space-3);
      align-items: center;
    }
    a {
      color: var(--_blauw-accent);
    }
    .skeleton {
      block-size: var(--blauw-map-height, 26rem);
      max-block-size: 70vh;
      min-block-size: 12rem;
      border-radius: var(--_blauw-radius);
      background: var(--blauw-map-background, #f4f4f1);
    }
    @media (prefers-reduced-motion: reduce) {
      .leaflet-zoom-anim .leaflet-zoom-animated {
        transition: none;
      }
    }
  `,
];
