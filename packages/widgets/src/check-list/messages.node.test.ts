import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCatalogs } from '../testing/catalog-checks.js';
import { messages } from './messages.js';

checkCatalogs('the check list', messages);

describe('the check list’s words', () => {
  it('name every known check type, status and sync state in every language', () => {
    for (const catalog of Object.values(messages)) {
      for (const type of ['domicile', 'residence', 'electronic_monitoring']) assert.ok(catalog[`t.${type}` as keyof typeof catalog], type);
      for (const status of ['submitted', 'cancelled']) assert.ok(catalog[`st.${status}` as keyof typeof catalog], status);
      for (const state of ['draft', 'waiting', 'sending', 'sent', 'needs_attention']) assert.ok(catalog[`s.${state}` as keyof typeof catalog], state);
    }
  });

  it('give every sync state its own words, so no two read alike', () => {
    for (const catalog of Object.values(messages)) {
      const words = ['draft', 'waiting', 'sending', 'sent', 'needs_attention'].map((state) => catalog[`s.${state}` as keyof typeof catalog]);
      assert.equal(new Set(words).size, words.length);
    }
  });
});
