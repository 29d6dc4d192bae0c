import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCatalogs } from '../testing/catalog-checks.js';
import { messages } from './messages.js';

checkCatalogs('the chat', messages);

describe('the chat’s words', () => {
  it('give every state of a message its own words, in every language', () => {
    for (const catalog of Object.values(messages)) {
      const words = (['sending', 'waiting', 'sent', 'failed'] as const).map((state) => catalog[state]);
      assert.equal(new Set(words).size, words.length);
    }
  });
});
