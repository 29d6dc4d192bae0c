import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parsePlate } from '@blauw/core';
import { createFixedClock } from '../src/domain/clock.js';
import { createZone } from '../src/domain/zone.js';

const demo = new URL('../demo/', import.meta.url);
const pages = readdirSync(demo).filter((file) => file.endsWith('.html'));

// The widget addresses citizens formally (u / vous / Sie), as public services do; a page around
// it that says "je" while the widget says "u" reads as two voices.
const informal: Record<string, RegExp> = {
  nl: /\b(je|jij|jou|jouw)\b/i,
  fr: /\b(tu|toi|ton|ta|tes)\b/i,
  de: /\b(du|dich|dir|dein|deine)\b/i,
};

describe('the demo pages', () => {
  it('address the citizen formally, as the widget does', () => {
    assert.ok(pages.length > 0);
    for (const page of pages) {
      const html = readFileSync(new URL(page, demo), 'utf8');
      const lang = /<html lang="(\w+)/.exec(html)?.[1] ?? 'en';
      const text = html.replace(/<[^>]+>/g, ' ').replace(/<!--[\s\S]*?-->/g, ' ');
      const pattern = informal[lang];
      if (pattern) assert.doesNotMatch(text, pattern, `${page} (${lang})`);
    }
  });
});

describe('the record look-up demo', () => {
  it('suggests a plate that the default seed holds, with a warning to show', () => {
    const html = readFileSync(new URL('records.html', demo), 'utf8');
    const typed = /<kbd>([^<]+)<\/kbd>/.exec(html)?.[1];
    assert.ok(typed, 'records.html suggests a plate in <kbd>');
    const plate = parsePlate(typed);
    assert.ok(plate.valid);
    const zone = createZone({ seed: 1, clock: createFixedClock('2027-03-01T09:00:00Z') });
    const vehicle = zone.records.register().vehicles.find((candidate) => candidate.plate === plate.plate);
    assert.ok(vehicle, `${plate.plate} is in the seeded register`);
    assert.ok(vehicle.flags.length > 0);
  });
});
