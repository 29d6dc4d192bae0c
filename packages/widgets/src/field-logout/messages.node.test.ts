import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interpolate } from '../shared/define-messages.js';
import { formattersFor } from '../shared/formatters.js';
import { LANGUAGES, type Language } from '../shared/language.js';
import { checkCatalogs } from '../testing/catalog-checks.js';
import { messages } from './messages.js';
import { unsentSentences, type UnsentCounts } from './unsent-words.js';

checkCatalogs('the field logout', messages);

const sentences = (language: Language, counts: UnsentCounts) => {
  const format = formattersFor(language);
  return unsentSentences(counts, (key, params) => interpolate(messages[language][key], params, (value) => format.number(value)), (count) => format.plural(count));
};

describe('what the field logout says would be lost', () => {
  it('counts checks and drafts in the singular and the plural of each language', () => {
    assert.deepEqual(sentences('nl', { unsentChecks: 1, unsentOther: 0, drafts: 2 }), ['1 controle is nog niet verzonden.', '2 concepten zijn nog niet afgewerkt.']);
    assert.deepEqual(sentences('nl', { unsentChecks: 3, unsentOther: 0, drafts: 1 }), ['3 controles zijn nog niet verzonden.', '1 concept is nog niet afgewerkt.']);
    assert.deepEqual(sentences('fr', { unsentChecks: 1, unsentOther: 0, drafts: 2 }), ['1 contrôle n’a pas encore été envoyé.', '2 brouillons ne sont pas encore terminés.']);
    assert.deepEqual(sentences('de', { unsentChecks: 2, unsentOther: 0, drafts: 1 }), ['2 Kontrollen wurden noch nicht gesendet.', '1 Entwurf ist noch nicht abgeschlossen.']);
    assert.deepEqual(sentences('en', { unsentChecks: 1, unsentOther: 0, drafts: 5 }), ['1 check has not been sent yet.', '5 drafts have not been completed yet.']);
  });

  it('counts unsent chat messages apart from checks', () => {
    assert.deepEqual(sentences('nl', { unsentChecks: 1, unsentOther: 2, drafts: 0 }), ['1 controle is nog niet verzonden.', '2 berichten zijn nog niet verzonden.']);
    assert.deepEqual(sentences('fr', { unsentChecks: 0, unsentOther: 1, drafts: 0 }), ['1 message n’a pas encore été envoyé.']);
  });

  it('says nothing of a kind of work there is none of', () => {
    assert.deepEqual(sentences('en', { unsentChecks: 0, unsentOther: 0, drafts: 1 }), ['1 draft has not been completed yet.']);
    assert.deepEqual(sentences('fr', { unsentChecks: 2, unsentOther: 0, drafts: 0 }), ['2 contrôles n’ont pas encore été envoyés.']);
    assert.deepEqual(sentences('nl', { unsentChecks: 0, unsentOther: 0, drafts: 0 }), []);
  });

  it('writes large counts as the language does, in the plural (French reads a million as many)', () => {
    assert.deepEqual(sentences('nl', { unsentChecks: 1200, unsentOther: 0, drafts: 0 }), ['1.200 controles zijn nog niet verzonden.']);
    assert.match(sentences('fr', { unsentChecks: 1_000_000, unsentOther: 0, drafts: 0 })[0]!, /^1\s000\s000 contrôles n’ont/u);
  });

  it('has a counted sentence with its count in every language', () => {
    for (const language of LANGUAGES) for (const key of ['checks.one', 'checks.other', 'others.one', 'others.other', 'drafts.one', 'drafts.other'] as const) assert.match(messages[language][key], /\{n\}/, `${language} ${key}`);
  });
});
