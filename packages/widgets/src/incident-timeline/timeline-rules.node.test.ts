import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeEntry, fakeIncident } from '../testing/fake-incidents-client.js';
import { groupByIncident, mapUrl, matches, NO_FILTERS, timeOfDay, toAnnounce, waitingCount, wazeUrl } from './timeline-rules.js';

describe('the timeline rules', () => {
  it('tells the time to the second in Brussels across the night the clocks go forward, in any locale', () => {
    assert.equal(timeOfDay('2027-03-28T00:59:59Z', 'Europe/Brussels', 'en-BE'), '01:59:59');
    assert.equal(timeOfDay('2027-03-28T01:00:00Z', 'Europe/Brussels', 'fr-BE'), '03:00:00');
    assert.equal(timeOfDay('2027-03-27T23:30:00Z', 'Europe/Brussels', 'nl-BE'), '00:30:00');
  });

  it('searches number, address, type (as coded and in words) and text, ignoring case and accents', () => {
    const incident = fakeIncident({ id: 'i-1', number: '2027-004211', type: 'traffic_accident', address: { street: 'Rue de Liège', houseNumber: '4', postalCode: '9220', municipality: 'Hamme' } });
    const entry = fakeEntry({ id: '1', incidentId: 'i-1', text: 'Two cars', unit: 'SCH-21' });
    const inDutch = (type: string) => (type === 'traffic_accident' ? 'Verkeersongeval' : type);
    const search = (query: string) => matches(entry, incident, { ...NO_FILTERS, query }, inDutch);
    assert.ok(search('004211'));
    assert.ok(search('liege hamme'));
    assert.ok(search('traffic accident'));
    assert.ok(search('verkeersongeval'));
    assert.ok(search('two CARS'));
    assert.ok(!search('burglary'));
    assert.ok(matches(entry, incident, { ...NO_FILTERS, unit: 'SCH-21' }, inDutch));
    assert.ok(!matches(entry, incident, { ...NO_FILTERS, priority: String(incident.priority + 1) }, inDutch));
  });

  it('announces a priority-1 incident once, when it is created', () => {
    const urgent = fakeIncident({ id: 'i-1', priority: 1 });
    const other = fakeIncident({ id: 'i-2', priority: 2 });
    const incidents = new Map([urgent, other].map((incident) => [incident.id, incident]));
    const announced = new Set<string>();
    const created = fakeEntry({ id: '1', incidentId: 'i-1', kind: 'created' });
    assert.deepEqual(toAnnounce([fakeEntry({ id: '2', incidentId: 'i-2', kind: 'created' }), created], incidents, announced), [urgent]);
    assert.deepEqual(toAnnounce([fakeEntry({ id: '3', incidentId: 'i-1', kind: 'update' }), created], incidents, announced), []);
  });

  it('counts the entries waiting above the ones on screen that pass the filters', () => {
    const urgent = fakeIncident({ id: 'i-1', priority: 1 });
    const other = fakeIncident({ id: 'i-2', priority: 2 });
    const incidents = new Map([urgent, other].map((incident) => [incident.id, incident]));
    const typeText = (type: string) => type;
    const shown = [fakeEntry({ id: '1', incidentId: 'i-1' })];
    const events = [fakeEntry({ id: '4', incidentId: 'i-2' }), fakeEntry({ id: '3', incidentId: 'i-1' }), fakeEntry({ id: '2', incidentId: 'i-1' }), ...shown];
    assert.equal(waitingCount(events, shown, incidents, NO_FILTERS, typeText), 3);
    assert.equal(waitingCount(events, shown, incidents, { ...NO_FILTERS, priority: '1' }, typeText), 2);
    assert.equal(waitingCount(events, events, incidents, NO_FILTERS, typeText), 0);
    // Nothing was on screen yet: every entry of the feed waits.
    assert.equal(waitingCount(events, [], incidents, NO_FILTERS, typeText), 4);
  });

  it('groups entries by incident, the most recent incident first', () => {
    const groups = groupByIncident(['a', 'b', 'a'].map((incidentId, i) => fakeEntry({ id: String(3 - i), incidentId })));
    assert.deepEqual(groups.map((group) => [group.incidentId, group.entries.map((entry) => entry.id)]), [['a', ['3', '1']], ['b', ['2']]]);
  });

  it('links a position to Waze and to OpenStreetMap', () => {
    assert.equal(wazeUrl({ lat: 51.05, lon: 3.72 }), 'https://waze.com/ul?ll=51.05,3.72&navigate=yes');
    assert.equal(mapUrl({ lat: 51.05, lon: 3.72 }), 'https://www.openstreetmap.org/?mlat=51.05&mlon=3.72#map=18/51.05/3.72');
  });
});
