import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { incidentWords } from '../incident-feed/incident-words.js';
import { checkCatalogs } from '../testing/catalog-checks.js';
import { messages } from './messages.js';

checkCatalogs('the incident timeline', messages, incidentWords);

describe('the badges and states', () => {
  it('name every known status and kind of entry in every language', () => {
    for (const catalog of Object.values(messages)) {
      for (const status of ['open', 'assigned', 'en_route', 'on_scene', 'closed']) assert.ok(catalog[`st.${status}` as keyof typeof catalog], status);
      for (const kind of ['created', 'unit_assigned', 'en_route', 'on_scene', 'update', 'closed']) assert.ok(catalog[`k.${kind}` as keyof typeof catalog], kind);
    }
  });
});
