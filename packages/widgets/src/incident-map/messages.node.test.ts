import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeIncident, fakeUnit } from '../testing/fake-incidents-client.js';
import type { LANGUAGES } from '../shared/language.js';
import { interpolate } from '../shared/define-messages.js';
import { checkCatalogs } from '../testing/catalog-checks.js';
import { accuracyRadius, byUrgency, enumText, incidentLabel, isPlaceable, positionLabel, priorityClass, unitLabel, unitSign, type Translate } from './marker-labels.js';
import { messages } from './messages.js';
import { incidentTypeText, incidentWords } from '../incident-feed/incident-words.js';

const tFor = (language: (typeof LANGUAGES)[number]): Translate => (key, params) => interpolate((messages[language] as Record<string, string>)[key] ?? key, params);
const typesIn = (language: (typeof LANGUAGES)[number]) => (type: string) => {
  const words = incidentWords[language] as Record<string, string>;
  return incidentTypeText({ has: (key) => key in words, t: (key: string) => words[key]! }, type);
};

checkCatalogs('the incident map', messages, incidentWords);

describe('what a marker says', () => {
  const incident = fakeIncident({ id: 'i-1', priority: 1, type: 'burglary', address: { street: 'Kerkstraat', houseNumber: '12', postalCode: '9220', municipality: 'Scheldegem' } });

  it('names an incident by priority, type and address, in each language', () => {
    assert.equal(incidentLabel(tFor('en'), typesIn('en'), incident), 'Priority 1, Burglary, Kerkstraat 12, Scheldegem');
    assert.equal(incidentLabel(tFor('nl'), typesIn('nl'), incident), 'Prioriteit 1, Inbraak, Kerkstraat 12, Scheldegem');
    assert.equal(incidentLabel(tFor('fr'), typesIn('fr'), { ...incident, type: 'traffic_accident', address: { ...incident.address, box: 'b2' } }), 'Priorité 1, Accident de la circulation, Kerkstraat 12 b2, Scheldegem');
    // A type the dispatch added after this release reads as it came.
    assert.equal(incidentLabel(tFor('de'), typesIn('de'), { ...incident, type: 'drone_sighting' }), 'Priorität 1, drone sighting, Kerkstraat 12, Scheldegem');
  });

  it('names a unit by call sign, kind and status; a status added later reads as it came', () => {
    assert.equal(unitLabel(tFor('de'), fakeUnit({ callSign: 'SCH-21', status: 'on_scene' })), 'Einheit SCH-21, Streifenwagen, vor Ort');
    assert.equal(unitLabel(tFor('en'), fakeUnit({ callSign: 'SCH-21', status: 'at_station', kind: 'drone' })), 'Unit SCH-21, drone, at station');
    assert.equal(enumText(tFor('fr'), 's', 'en_route'), 'en route');
    assert.equal(unitSign('at_station'), '?');
  });

  it('draws a priority the dispatch added later as the least urgent colour, most urgent first in the list', () => {
    assert.equal(priorityClass(1), 'p1');
    assert.equal(priorityClass(6), 'p4');
    const open = byUrgency([
      fakeIncident({ id: 'a', priority: 3, openedAt: '2027-03-28T08:00:00Z' }),
      fakeIncident({ id: 'b', priority: 1, openedAt: '2027-03-28T07:00:00Z' }),
      fakeIncident({ id: 'c', priority: 3, openedAt: '2027-03-28T09:00:00Z' }),
      fakeIncident({ id: 'd', priority: 1, status: 'closed' }),
    ]);
    assert.deepEqual(open.map((i) => i.id), ['b', 'c', 'a']);
  });
});

describe('what a shared position says', () => {
  const time = (at: string) => at.slice(11, 16);
  const shared = { lat: 51.06, lon: 4.03, accuracy: 34.6, at: '2027-03-28T08:05:00', label: 'Inspecteur Peeters' };

  it('names whose it is, how precise and when, in each language', () => {
    assert.equal(positionLabel(tFor('en'), time, shared), 'Shared position: Inspecteur Peeters, within 35 m, at 08:05');
    assert.equal(positionLabel(tFor('nl'), time, shared), 'Gedeelde positie: Inspecteur Peeters, binnen 35 m, om 08:05');
    assert.equal(positionLabel(tFor('fr'), time, shared), 'Position partagée\u202f: Inspecteur Peeters, à 35 m près, à 08:05');
    assert.equal(positionLabel(tFor('de'), time, shared), 'Geteilter Standort: Inspecteur Peeters, auf 35 m genau, um 08:05');
  });

  it('leaves out what it lacks, and a label’s braces are not placeholders', () => {
    assert.equal(positionLabel(tFor('en'), time, { lat: 51, lon: 4 }), 'Shared position');
    assert.equal(positionLabel(tFor('en'), () => undefined, { ...shared, label: '  ', accuracy: -1 }), 'Shared position');
    assert.equal(positionLabel(tFor('en'), time, { lat: 51, lon: 4, label: '{n} {time}' }), 'Shared position: {n} {time}');
  });

  it('draws only a place on Earth, and a circle only for a real accuracy', () => {
    assert.equal(isPlaceable({ lat: 51, lon: 4 }), true);
    assert.equal(isPlaceable({ lat: 91, lon: 4 }), false);
    assert.equal(isPlaceable({ lat: Number.NaN, lon: 4 }), false);
    assert.equal(accuracyRadius({ lat: 51, lon: 4, accuracy: 12 }), 12);
    assert.equal(accuracyRadius({ lat: 51, lon: 4, accuracy: 0 }), undefined);
    assert.equal(accuracyRadius({ lat: 51, lon: 4, accuracy: Number.POSITIVE_INFINITY }), undefined);
    assert.equal(accuracyRadius({ lat: 51, lon: 4, accuracy: 1e9 }), 100_000);
  });
});
