export * from './common.js';
export * from './zone.js';
export * from './booking.js';
export * from './incidents.js';
export * from './checks.js';
export * from './records.js';
export * from './messaging.js';
export * from './check-answers.js';
