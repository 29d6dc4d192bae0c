import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';

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
