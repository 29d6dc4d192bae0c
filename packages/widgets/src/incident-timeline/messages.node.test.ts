import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sharedMessages } from '../shared/messages.js';
import { messages } from './messages.js';

const french = { ...sharedMessages.fr, ...messages.fr };

describe('the incident timeline’s French', () => {
  it('sets a no-break space before every : ; ? and !, and never a plain one', () => {
    for (const [key, text] of Object.entries(french)) {
      assert.doesNotMatch(text, / [:;?!]/, `${key}: "${text}"`);
      assert.doesNotMatch(text, /[^\s\u202f\u00a0][;?!]/, `${key}: "${text}"`);
      // A colon right after a word is an error too (placeholders such as {f} may stand before it).
      assert.doesNotMatch(text, /[\p{L}]:/u, `${key}: "${text}"`);
    }
  });

  it('uses one apostrophe, the typographic one', () => {
    for (const [key, text] of Object.entries(french)) assert.doesNotMatch(text, /'/, key);
  });

});

describe('every language', () => {
  it('has every string of the incident timeline, and none empty', () => {
    const keys = Object.keys(messages.nl).sort();
    for (const language of ['fr', 'de', 'en'] as const) assert.deepEqual(Object.keys(messages[language]).sort(), keys);
    for (const catalog of Object.values(messages)) for (const [key, text] of Object.entries(catalog)) assert.ok(text.trim(), key);
  });
});

describe('the badges and states', () => {
  it('name every known status and kind of entry in every language', () => {
    for (const catalog of Object.values(messages)) {
      for (const status of ['open', 'assigned', 'en_route', 'on_scene', 'closed']) assert.ok(catalog[`st.${status}` as keyof typeof catalog], status);
      for (const kind of ['created', 'unit_assigned', 'en_route', 'on_scene', 'update', 'closed']) assert.ok(catalog[`k.${kind}` as keyof typeof catalog], kind);
    }
  });
});
