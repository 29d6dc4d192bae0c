import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { filesOf, heaviestLanguage } from '../scripts/cdn-files.mjs';

// The booking widget is pasted into municipalities' pages and loaded on citizens' phones; its
// budget is part of its issue. It counts every file a page with the widget downloads: its entry, the
// shared chunks it imports, and the strings of one language (the heaviest of the four), each
// measured as `npm run size` does: minified, then gzip -9.
// 30 kB until the incident widgets joined the build: the runtime the four widgets share is now cut
// into a file per set of widgets sharing a module (six for the calendar), which costs gzip's
// dictionary again per file, about 1 kB; one lit and one client for a page with several widgets is
// worth it, and nothing of the incident widgets may reach the calendar's files (below).
const BUDGET_BYTES = 31 * 1024;
const dir = fileURLToPath(new URL('../packages/widgets/dist/cdn/', import.meta.url));
const entry = 'blauw-booking-calendar.js';

describe('the booking calendar CDN files', () => {
  it(`stay within ${BUDGET_BYTES / 1024} kB min+gzip together (run \`npm run build\` first)`, () => {
    assert.ok(existsSync(`${dir}${entry}`), `packages/widgets/dist/cdn/${entry} is missing: run \`npm run build\``);
    const { files, base, language, strings, total, perLanguage } = heaviestLanguage(dir, entry);
    assert.deepEqual(Object.keys(perLanguage).sort(), ['de', 'en', 'fr', 'nl'], 'the strings of every language are chunks of their own');
    assert.ok(
      total <= BUDGET_BYTES,
      `${files.join(' + ')} (${base} B) and the ${language} strings (${strings} B) are ${total} B min+gzip, over the ${BUDGET_BYTES} B budget`,
    );
  });

  it('import nothing a CMS page cannot resolve: only the CDN’s own chunks, by relative path', () => {
    for (const file of filesOf(dir, entry).files) {
      const code = readFileSync(`${dir}${file}`, 'utf8');
      assert.doesNotMatch(code, /(?:^|[;}\n])\s*import\s*(?:[\w{},*\s$]*from\s*)?["'](?!\.\.?\/)/, `${file} imports a bare module specifier`);
      assert.doesNotMatch(code, /\bimport\(\s*["'](?!\.\.?\/)/, `${file} imports a bare module specifier on demand`);
    }
  });

  it('carry nothing of the incident widgets: no event stream, no SSE parser, no map, no virtualizer', () => {
    const code = filesOf(dir, entry).files.map((file) => readFileSync(`${dir}${file}`, 'utf8')).join('\n');
    for (const [what, mark] of [
      ['the event stream', /text\/event-stream/],
      ['the incident schemas', /"callSign"/],
      ['Leaflet', /leaflet/i],
      ['the virtualizer', /virtualizer/i],
    ] as const) {
      assert.doesNotMatch(code, mark, `${what} is in the booking calendar's CDN files`);
    }
  });

  it('check responses without carrying zod (the contract arrives as JSON Schema)', () => {
    const code = filesOf(dir, entry).files.map((file) => readFileSync(`${dir}${file}`, 'utf8')).join('\n');
    assert.doesNotMatch(code, /_zod|ZodError/, 'zod is in the CDN files');
    assert.match(code, /"nextFreeDate"/, 'the Availability schema is not in the CDN files');
  });
});

// The incident widgets run on officers' devices, mostly on the intranet; their budgets keep a
// dependency or a shared module from growing them unnoticed. Leaflet is about 40 kB of the map;
// the timeline's virtualizer, with the layout it always needs, about 8 kB. The timeline's budget
// went from 40 to 41 kB with the field widgets (30 November 2026: 40,488 → 41,190 B with the de
// strings) without a line of its own changing: modules it shares with them (network status, the
// client task, the clock) now sit in chunks of their own, and smaller files compress less well.
// It went to 42 kB with shared fixes (41,994 B on 30 November 2026): the transport reading photos
// as bytes (about +90 B), the officers' "session expired" strings (41,950 → 41,980 B), and the
// host box every widget now shares so that the hidden attribute hides it (→ 41,994 B).
describe('the incident widgets CDN files', () => {
  for (const [entry, budget] of [
    ['blauw-incident-timeline.js', 42 * 1024],
    ['blauw-incident-map.js', 72 * 1024],
  ] as const) {
    it(`${entry} stays within ${budget / 1024} kB min+gzip with its chunks and strings`, () => {
      assert.ok(existsSync(`${dir}${entry}`), `packages/widgets/dist/cdn/${entry} is missing: run \`npm run build\``);
      const { files, total, language } = heaviestLanguage(dir, entry);
      assert.ok(total <= budget, `${files.join(' + ')} and the ${language} strings are ${total} B min+gzip, over the ${budget} B budget`);
    });
  }
});

// The provider shares where the API is, not a client (each widget makes its own domain's): it
// carries lit and the context, no resource. 16,494 B on 30 November 2026 (de strings); 31,877 B
// when it still built a client of every domain.
describe('the provider CDN file', () => {
  it('stays within 17 kB min+gzip with its chunks and strings', () => {
    const { files, total, language } = heaviestLanguage(dir, 'blauw-provider.js');
    assert.ok(total <= 17 * 1024, `${files.join(' + ')} and the ${language} strings are ${total} B min+gzip, over the 17 kB budget`);
  });
});

// The field check widgets run on officers' tablets, offline mostly, so every byte is loaded once
// and kept; the budgets keep a shared module or a dependency from growing them unnoticed. Measured
// with `npm run build` on 30 November 2026 (with the heaviest strings, de): the list 33,479 B, the
// form 39,992 B, the logout button 28,126 B (it opens the same device as the list and the form,
// so most of it is theirs). The receipt is no CDN file of its own: it ships inside the form's.
describe('the field check widgets CDN files', () => {
  for (const [entry, budget] of [
    ['blauw-check-list.js', 34 * 1024],
    ['blauw-check-form.js', 41 * 1024],
    ['blauw-field-logout.js', 29 * 1024],
    // Measured 30,552 B on 30 November 2026 (de strings).
    ['blauw-record-lookup.js', 31 * 1024],
    // Measured 43,670 B on 30 November 2026 (de strings): the chat carries the FieldDevice's outbox
    // (for messages and photos sent offline), the checks resource it sends through (39,343 B
    // before it had its own, from an api attribute or a provider), the messaging stream, and its
    // photos’ thumbnails with their download and larger view (42,402 B before them). 44,321 B
    // when it took its device from the field widgets' shared FieldDeviceController instead of its
    // own copy (the shared controller sits in a chunk of its own; the check widgets lost ~0.5 kB each).
    ['blauw-chat.js', 44 * 1024],
    // Measured 45,498 B on 30 November 2026 (de strings; 33,189 B before): the briefings follow the
    // chat's messaging feed and queue acknowledgements in the FieldDevice's outbox through the checks
    // resource, as the chat does; all but their own 8,017 B entry are chunks shared with the chat.
    // 46,219 B when the FieldDevice learnt to take a refused check back for correction (reopen,
    // about 190 B in the device's chunk, which every field widget loads).
    ['blauw-briefings.js', 46 * 1024],
  ] as const) {
    it(`${entry} stays within ${budget / 1024} kB min+gzip with its chunks and strings`, () => {
      assert.ok(existsSync(`${dir}${entry}`), `packages/widgets/dist/cdn/${entry} is missing: run \`npm run build\``);
      const { files, total, language } = heaviestLanguage(dir, entry);
      assert.ok(total <= budget, `${files.join(' + ')} and the ${language} strings are ${total} B min+gzip, over the ${budget} B budget`);
    });
  }
});
