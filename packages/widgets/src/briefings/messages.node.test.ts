import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCatalogs } from '../testing/catalog-checks.js';
import { messages } from './messages.js';

checkCatalogs('the briefings', messages);

describe('the briefings’ words', () => {
  it('say "urgent" and "normal" differently in every language, so priority is never colour alone', () => {
    for (const catalog of Object.values(messages)) assert.notEqual(catalog.urgent, catalog.normal);
  });

  it('word every validity with its time, and a later one with its date', () => {
    for (const catalog of Object.values(messages)) {
      for (const key of ['until.today', 'until.tomorrow', 'until.later'] as const) assert.match(catalog[key], /\{time\}/, key);
      assert.match(catalog['until.later'], /\{date\}/);
    }
  });

  it('tell apart every state of the live connection', () => {
    for (const catalog of Object.values(messages)) {
      const words = ['connecting', 'live', 'reconnecting', 'offline', 'stopped'].map((state) => catalog[`live.${state}` as keyof typeof catalog]);
      assert.equal(new Set(words).size, words.length);
    }
  });
});
