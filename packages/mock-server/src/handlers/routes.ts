import { bookingRoutes } from './booking-routes.js';
import { briefingRoutes } from './briefing-routes.js';
import { checkRoutes } from './check-routes.js';
import { directoryRoutes } from './directory-routes.js';
import { incidentRoutes } from './incident-routes.js';
import { recordRoutes } from './record-routes.js';
import { messagingRoutes } from './messaging-routes.js';
import type { Route } from './route.js';

/**
 * The API's route table: every operation under `/v1`, declared once. msw handlers and the
 * OpenAPI document are both generated from it. Later domains (incidents, …) append their own
 * route files here.
 */
export const routes: readonly Route[] = [...directoryRoutes, ...bookingRoutes, ...incidentRoutes, ...checkRoutes, ...messagingRoutes, ...briefingRoutes, ...recordRoutes];
