import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LOOKUP_PURPOSE_CODES } from '@blauw/core';
import { interpolate } from '../shared/define-messages.js';
import { checkCatalogs } from '../testing/catalog-checks.js';
import { formIssues, LOOKUP_KINDS } from './lookup-rules.js';
import { messages } from './messages.js';

checkCatalogs('the record look-up', messages);

const FLAGS = ['wanted', 'signalled', 'electronic_monitoring', 'stolen', 'wanted_vehicle', 'uninsured', 'domicile_check_open'];

describe('the record look-up’s words', () => {
  it('name every purpose, tab and flag the records know, each in its own words, in every language', () => {
    for (const [language, catalog] of Object.entries(messages)) {
      const purposes = LOOKUP_PURPOSE_CODES.map((code) => catalog[`pc.${code}`]);
      assert.equal(new Set(purposes).size, purposes.length, `${language} purposes`);
      const tabs = LOOKUP_KINDS.map((kind) => catalog[`tab.${kind}`]);
      assert.equal(new Set(tabs).size, tabs.length, `${language} tabs`);
      const flags = FLAGS.map((code) => catalog[`flag.${code}` as keyof typeof catalog]);
      assert.ok(flags.every(Boolean), `${language} flags`);
      assert.equal(new Set(flags).size, flags.length, `${language} flags`);
    }
  });

  it('word every problem the form can find, after the field’s name in the summary, with no placeholder left', () => {
    const cases = [
      formIssues('person', {}),
      formIssues('person', { purposeCode: 'incident', nationalNumber: '85.07.30-033.29' }),
      formIssues('person', { purposeCode: 'check', familyName: 'Verbeke' }),
      formIssues('vehicle', { purposeCode: 'other', plate: '12-AB' }),
      formIssues('address', { purposeCode: 'traffic_control', postalCode: '900' }),
      formIssues('address', { purposeCode: 'traffic_control', street: 'Kouter' }),
      formIssues('all', { purposeCode: 'investigation', query: 'x'.repeat(201) }),
      formIssues('all', { purposeCode: 'investigation' }),
    ].flat();
    const keys = new Set(cases.map((issue) => issue.key));
    assert.equal(keys.size, 13, [...keys].join(' '));
    for (const [language, catalog] of Object.entries(messages)) {
      for (const key of [...keys, 'i.server' as const]) {
        const text = interpolate(catalog.issue, { label: 'Nummerplaat', problem: interpolate(catalog[key], { detail: 'Expected a plate such as 1-ABC-234.' }) });
        assert.ok(text.startsWith('Nummerplaat — '), `${language} ${key}`);
        assert.doesNotMatch(text, /\{\w+\}/, `${language} ${key}: ${text}`);
      }
    }
  });

  it('say how many records were found, for one and for several, in Dutch and French', () => {
    assert.equal(interpolate(messages.nl['found.other'], { n: 3 }), '3 records gevonden');
    assert.equal(messages.fr['found.one'], '1 fiche trouvée');
    assert.equal(messages.en.none, 'No record found.');
  });
});
