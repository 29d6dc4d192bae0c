import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Office, OfficeClosure, Topic } from '@blauw/core';
import { SEED_TOPICS } from '../seed/topics.js';
import { isBelgianPublicHoliday } from './holidays.js';
import {
  availabilityDays,
  freeSlotsOn,
  offeredSlotsOn,
  openingSlotTimes,
  parseSlotId,
  slotId,
  slotsAfter,
  type Interval,
  type SlotContext,
} from './slots.js';

const topic30 = { ...(SEED_TOPICS[1] as Topic), id: 'topic-30', durationMinutes: 30 };

/** An office open every day 09:00–12:00, and 01:00–04:00 on Sundays to cross the DST change. */
function office(overrides: Partial<Office> = {}): Office {
  return {
    id: 'office-test',
    municipalityId: 'mun-test',
    name: 'Wijkkantoor Test',
    address: { street: 'Kerkstraat', houseNumber: '1', postalCode: '9300', municipality: 'Test' },
    timeZone: 'Europe/Brussels',
    openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '09:00', closes: '12:00' })),
    minLeadMinutes: 0,
    horizonDays: 800,
    ...overrides,
  };
}

function context(overrides: Partial<SlotContext> = {}, busy: Record<string, Interval[]> = {}): SlotContext {
  return {
    office: office(),
    topic: topic30,
    officerIds: ['officer-a', 'officer-b'],
    closures: [],
    busy: (officerId) => busy[officerId] ?? [],
    now: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

const starts = (slots: { start: string }[]) => slots.map((slot) => slot.start);

describe('slots across daylight-saving changes', () => {
  const changes = [
    { date: '2026-03-29', before: '+01:00', after: '+02:00' },
    { date: '2026-10-25', before: '+02:00', after: '+01:00' },
    { date: '2027-03-28', before: '+01:00', after: '+02:00' },
    { date: '2027-10-31', before: '+02:00', after: '+01:00' },
  ];
  it('meets two public holidays on the Mondays after the 2027 changes', () => {
    assert.equal(isBelgianPublicHoliday('2027-03-29'), true);
    assert.equal(isBelgianPublicHoliday('2027-11-01'), true);
  });

  for (const change of changes) {
    it(`offers 09:00–11:30 with the new offset on ${change.date} and the Monday after, and the old one the day before`, () => {
      const ctx = context({ officerIds: ['officer-a'] });
      const saturday = new Date(Date.parse(`${change.date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const monday = new Date(Date.parse(`${change.date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const wall = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'];
      assert.deepEqual(starts(offeredSlotsOn(ctx, saturday)), wall.map((time) => `${saturday}T${time}:00${change.before}`));
      assert.deepEqual(starts(offeredSlotsOn(ctx, change.date)), wall.map((time) => `${change.date}T${time}:00${change.after}`));
      const mondaySlots = offeredSlotsOn(ctx, monday);
      // Easter Monday 2027 and All Saints' Day 2027 fall on those Mondays.
      if (isBelgianPublicHoliday(monday)) assert.deepEqual(mondaySlots, [], `${monday} is a public holiday`);
      else assert.deepEqual(starts(mondaySlots), wall.map((time) => `${monday}T${time}:00${change.after}`));
      for (const slot of offeredSlotsOn(ctx, change.date)) assert.equal(Date.parse(slot.end) - Date.parse(slot.start), 30 * 60_000);
    });
  }

  it('cuts a night period spanning the spring change into real half hours: none missing, doubled or overlapping', () => {
    const night = office({ openingHours: [{ weekday: 7, opens: '01:00', closes: '04:00' }] });
    const times = openingSlotTimes(night, 30, '2026-03-29');
    // 01:00–04:00 on the wall is two real hours that day.
    assert.equal(times.length, 4);
    const slots = offeredSlotsOn(context({ office: night, officerIds: ['officer-a'] }), '2026-03-29');
    assert.deepEqual(starts(slots), ['2026-03-29T01:00:00+01:00', '2026-03-29T01:30:00+01:00', '2026-03-29T03:00:00+02:00', '2026-03-29T03:30:00+02:00']);
    for (let i = 1; i < times.length; i++) assert.equal(times[i]!.start, times[i - 1]!.end);
  });

  it('cuts a night period spanning the autumn change into four real hours, the repeated hour twice with both offsets', () => {
    const night = office({ openingHours: [{ weekday: 7, opens: '01:00', closes: '04:00' }] });
    const slots = offeredSlotsOn(context({ office: night, officerIds: ['officer-a'] }), '2027-10-31');
    assert.equal(slots.length, 8);
    assert.deepEqual(starts(slots).slice(2, 6), [
      '2027-10-31T02:00:00+02:00',
      '2027-10-31T02:30:00+02:00',
      '2027-10-31T02:00:00+01:00',
      '2027-10-31T02:30:00+01:00',
    ]);
    assert.equal(new Set(slots.map((slot) => slot.id)).size, 8, 'ids are distinct instants');
  });
});

describe('slot rules', () => {
  it('starts at opening time, steps by the topic duration and ends by closing time', () => {
    const ctx = context({ office: office({ openingHours: [{ weekday: 2, opens: '16:00', closes: '18:50' }] }), topic: { ...topic30, durationMinutes: 45 } });
    // 18:15–19:00 would end after closing time.
    assert.deepEqual(starts(offeredSlotsOn(ctx, '2027-04-06')), ['2027-04-06T16:00:00+02:00', '2027-04-06T16:45:00+02:00', '2027-04-06T17:30:00+02:00']);
  });

  it('offers no slots on public holidays or during an office closure (dates inclusive)', () => {
    assert.deepEqual(offeredSlotsOn(context(), '2027-05-06'), [], 'Ascension 2027');
    const closures: OfficeClosure[] = [{ id: 'closure-1', officeId: 'office-test', from: '2027-04-07', to: '2027-04-08', reason: 'Verbouwing' }];
    const ctx = context({ closures });
    assert.deepEqual(offeredSlotsOn(ctx, '2027-04-07'), []);
    assert.deepEqual(offeredSlotsOn(ctx, '2027-04-08'), []);
    assert.equal(offeredSlotsOn(ctx, '2027-04-09').length, 6);
  });

  it('says why a day is closed: the holiday by its name in four languages, a closure without its internal reason', () => {
    const closures: OfficeClosure[] = [{ id: 'closure-1', officeId: 'office-test', from: '2027-04-07', to: '2027-04-07', reason: 'Verbouwing' }];
    const { days } = availabilityDays(context({ closures }), '2027-03-28', '2027-04-07');
    const closed = days.filter((day) => day.closed);
    assert.deepEqual(
      closed.map((day) => [day.date, day.closed]),
      [
        ['2027-03-29', { reason: 'holiday', name: { nl: 'Paasmaandag', fr: 'Lundi de Pâques', de: 'Ostermontag', en: 'Easter Monday' } }],
        ['2027-04-07', { reason: 'closure' }],
      ],
    );
    assert.equal(days.find((day) => day.date === '2027-03-30')?.closed, undefined);
  });

  it('keeps slots sooner than the lead time out', () => {
    const ctx = context({ office: office({ minLeadMinutes: 120 }), now: new Date('2027-04-06T08:10:00+02:00') });
    assert.equal(starts(offeredSlotsOn(ctx, '2027-04-06'))[0], '2027-04-06T10:30:00+02:00');
    const dayAhead = context({ office: office({ minLeadMinutes: 1440 }), now: new Date('2027-04-06T10:00:00+02:00') });
    assert.deepEqual(offeredSlotsOn(dayAhead, '2027-04-06'), []);
    assert.equal(starts(offeredSlotsOn(dayAhead, '2027-04-07'))[0], '2027-04-07T10:00:00+02:00');
  });

  it('offers nothing after the horizon, counted from today in the office zone', () => {
    // 23:30 UTC on 5 April is already 6 April in Brussels.
    const ctx = context({ office: office({ horizonDays: 10 }), now: new Date('2027-04-05T23:30:00Z') });
    assert.equal(offeredSlotsOn(ctx, '2027-04-16').length, 6);
    assert.deepEqual(offeredSlotsOn(ctx, '2027-04-17'), []);
  });

  it('leaves out an officer during an absence and a slot that overlaps a longer booking', () => {
    const busy = {
      'officer-a': [{ start: Date.parse('2027-04-06T09:00:00+02:00'), end: Date.parse('2027-04-06T12:00:00+02:00') }],
      'officer-b': [{ start: Date.parse('2027-04-06T09:15:00+02:00'), end: Date.parse('2027-04-06T10:00:00+02:00') }],
    };
    const ctx = context({}, busy);
    assert.deepEqual(
      freeSlotsOn(ctx, '2027-04-06').map((slot) => `${slot.officerId} ${slot.start.slice(11, 16)}`),
      ['officer-b 10:00', 'officer-b 10:30', 'officer-b 11:00', 'officer-b 11:30'],
    );
  });

  it("gives an office one slot per start time (the first free officer) and an officer only theirs", () => {
    const busy = { 'officer-a': [{ start: Date.parse('2027-04-06T09:00:00+02:00'), end: Date.parse('2027-04-06T09:30:00+02:00') }] };
    const officeSlots = offeredSlotsOn(context({}, busy), '2027-04-06');
    assert.equal(officeSlots.length, 6);
    assert.deepEqual(officeSlots.slice(0, 2).map((slot) => slot.officerId), ['officer-b', 'officer-a']);
    const mine = offeredSlotsOn(context({ officerIds: ['officer-a'] }, busy), '2027-04-06');
    assert.equal(mine.length, 5);
    assert.ok(mine.every((slot) => slot.officerId === 'officer-a'));
  });

  it('lists every date of a range, with empty days, and the next free date after it', () => {
    const ctx = context({ office: office({ openingHours: [{ weekday: 3, opens: '09:00', closes: '10:00' }] }) });
    const { days, nextFreeDate } = availabilityDays(ctx, '2027-04-08', '2027-04-12');
    assert.deepEqual(days.map((day) => day.date), ['2027-04-08', '2027-04-09', '2027-04-10', '2027-04-11', '2027-04-12']);
    assert.ok(days.every((day) => day.slots.length === 0));
    assert.equal(nextFreeDate, '2027-04-14');
    const near = context({ office: office({ horizonDays: 3, openingHours: [{ weekday: 3, opens: '09:00', closes: '10:00' }] }), now: new Date('2027-04-08T08:00:00Z') });
    assert.equal(availabilityDays(near, '2027-04-08', '2027-04-09').nextFreeDate, null, 'none within the horizon');
  });

  it('proposes the free slots closest after a taken one', () => {
    const after = new Date('2027-04-06T11:00:00+02:00');
    const next = slotsAfter(context({ officerIds: ['officer-a'] }), after, 5, slotId({ officerId: 'officer-a', topicId: 'topic-30', start: after }));
    assert.deepEqual(starts(next), ['2027-04-06T11:30:00+02:00', '2027-04-07T09:00:00+02:00', '2027-04-07T09:30:00+02:00', '2027-04-07T10:00:00+02:00', '2027-04-07T10:30:00+02:00']);
  });

  it('makes slot ids that say whose slot, for what and when, and refuses forged ones', () => {
    const start = new Date('2027-03-29T07:30:00Z');
    const id = slotId({ officerId: 'officer-01', topicId: 'topic-domicile', start });
    assert.equal(id, 'officer-01.topic-domicile.20270329T073000Z');
    assert.deepEqual(parseSlotId(id), { officerId: 'officer-01', topicId: 'topic-domicile', start });
    for (const forged of ['officer-01.topic-domicile.20271399T073000Z', 'officer-01.topic-domicile', 'x.y.20270329T073000', '../etc.x.20270329T073000Z']) {
      assert.equal(parseSlotId(forged), undefined, forged);
    }
  });
});
