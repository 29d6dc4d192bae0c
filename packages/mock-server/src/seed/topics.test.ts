import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_TOPICS } from './topics.js';

describe('the seeded topics', () => {
  it('write French with one apostrophe, the typographic one, as the widget does', () => {
    const french = SEED_TOPICS.flatMap((topic) => [topic.name.fr, topic.description.fr, ...topic.bring.map((item) => item.fr)]);
    assert.ok(french.some((text) => text.includes('’')));
    for (const text of french) assert.doesNotMatch(text, /'/, text);
  });
});
