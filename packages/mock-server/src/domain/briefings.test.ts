import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BriefingInput, Participant } from '@blauw/core';
import { createFixedClock } from './clock.js';
import { DomainError } from './domain-error.js';
import { createZone } from './zone.js';

// The briefing rules without HTTP, on a fixed clock moved by hand.

const NOW = '2027-03-06T13:30:00+01:00';
const HOUR_MS = 60 * 60 * 1000;
const refusedWith = (code: string) => (error: unknown) => error instanceof DomainError && error.code === code;

const input = (overrides: Partial<BriefingInput> = {}): BriefingInput => ({
  title: 'Controle',
  text: 'Vanaf 14 u.',
  audience: { kind: 'team', teamId: 'team-wijk-noord' },
  validFrom: '2027-03-06T14:00:00+01:00',
  validUntil: '2027-03-06T22:00:00+01:00',
  ...overrides,
});

function setup() {
  const clock = createFixedClock(NOW);
  const zone = createZone({ seed: 1, clock });
  const supervisor = zone.messaging.directory.get('sup-01') as Participant;
  const officer = zone.messaging.directory.get('officer-01') as Participant;
  return { clock, zone, supervisor, officer };
}

describe('the briefing desk', () => {
  it('shows an officer the current briefings for them, not acknowledged first, then urgent, then newest', () => {
    const { clock, zone, supervisor, officer } = setup();
    const later = zone.briefings.publish(supervisor, input({ title: 'Later' }));
    const other = zone.briefings.publish(supervisor, input({ title: 'Zuid', audience: { kind: 'team', teamId: 'team-wijk-zuid' } }));
    assert.ok(!zone.briefings.list(officer, {}).items.some((item) => item.id === later.id || item.id === other.id), 'not current yet; another team’s never');
    clock.advance(HOUR_MS);
    const normal = zone.briefings.publish(supervisor, input({ title: 'Gewoon' }));
    const titles = () => zone.briefings.list(officer, {}).items.map((item) => item.title);
    assert.deepEqual(titles(), ['Aandachtspunten Scheldefeesten', 'Gewoon', 'Later'], 'the seeded urgent one first, then newest');
    zone.briefings.acknowledge('officer-01', 'brf-00001');
    assert.deepEqual(titles(), ['Gewoon', 'Later', 'Aandachtspunten Scheldefeesten']);
    assert.equal(zone.briefings.list(officer, {}).items.find((item) => item.id === normal.id)?.acknowledgedAt, null);
    clock.advance(10 * HOUR_MS);
    assert.deepEqual(titles(), ['Aandachtspunten Scheldefeesten'], 'those ended at 22:00; the seeded one runs to 06:00');
  });

  it('acknowledges once: the first time tells the publisher, again answers the first', () => {
    const { clock, zone, supervisor } = setup();
    const briefing = zone.briefings.publish(supervisor, input());
    const before = zone.messaging.journal.lastSeq;
    const first = zone.briefings.acknowledge('officer-02', briefing.id);
    clock.advance(60_000);
    const again = zone.briefings.acknowledge('officer-02', briefing.id);
    assert.deepEqual([first.replayed, again.replayed], [false, true]);
    assert.deepEqual(again.acknowledgement, first.acknowledgement);
    const events = zone.messaging.journal.since(before) ?? [];
    assert.deepEqual(events.map((event) => [event.type, [...event.recipients].sort()]), [['briefing.acknowledged', ['officer-02', 'sup-01']]]);
    assert.throws(() => zone.briefings.acknowledge('officer-09', briefing.id), refusedWith('briefing_not_found'));
  });

  it('refuses an unknown team or shift and a validity out of bounds', () => {
    const { zone, supervisor } = setup();
    assert.throws(() => zone.briefings.publish(supervisor, input({ audience: { kind: 'shift', shiftId: 'shift-x' } })), refusedWith('briefing_audience_unknown'));
    assert.throws(() => zone.briefings.publish(supervisor, input({ validUntil: input().validFrom })), refusedWith('briefing_validity_invalid'));
    assert.throws(() => zone.briefings.publish(supervisor, input({ validFrom: '2027-03-01T00:00:00+01:00', validUntil: '2027-03-06T12:00:00+01:00' })), refusedWith('briefing_validity_invalid'));
    assert.throws(() => zone.briefings.publish(supervisor, input({ validUntil: '2027-04-07T14:00:01+02:00' })), refusedWith('briefing_validity_invalid'));
  });
});
