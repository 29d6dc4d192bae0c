import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckAssignment } from '@blauw/core';
import { addDays, changedStates, dayIn, dueWhen, groupAssignments, toShow } from './check-list-rules.js';

const BXL = 'Europe/Brussels';
const at = (iso: string) => Date.parse(iso);
const check = (id: string, dueBy: string, status = 'open', familyName = 'Peeters'): CheckAssignment => ({
  id,
  type: 'domicile',
  officerId: 'o-1',
  status,
  person: { givenName: 'Jan', familyName },
  address: { street: 'Korenmarkt', houseNumber: '1', postalCode: '9000', municipality: 'Gent' },
  dueBy,
  createdAt: '2027-03-01T08:00:00Z',
});

describe('the days of the check list', () => {
  it('reads the day in Brussels, which is already tomorrow at 23:30 UTC', () => {
    assert.equal(dayIn('2026-11-30T23:30:00Z', BXL), '2026-12-01');
    assert.equal(dayIn(at('2026-11-30T22:59:00Z'), BXL), '2026-11-30');
  });

  it('adds days over month ends, year ends and a DST change', () => {
    assert.equal(addDays('2026-11-30', 1), '2026-12-01');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2027-03-27', 1), '2027-03-28');
    assert.equal(addDays('2027-03-28', 1), '2027-03-29');
  });

  it('calls a check overdue from its due instant, and today or tomorrow by the Brussels calendar', () => {
    const now = at('2026-11-30T23:30:00Z'); // 00:30 on 1 December in Brussels
    assert.equal(dueWhen('2026-11-30T23:00:00Z', now, BXL), 'overdue');
    assert.equal(dueWhen('2026-12-01T22:59:00Z', now, BXL), 'today');
    assert.equal(dueWhen('2026-12-01T23:00:00Z', now, BXL), 'tomorrow');
    assert.equal(dueWhen('2026-12-02T23:00:00Z', now, BXL), 'later');
  });

  it('keeps today and tomorrow right on the day clocks go forward', () => {
    const now = at('2027-03-27T23:30:00Z'); // 00:30 CET on Sunday 28 March, the 23-hour day
    assert.equal(dueWhen('2027-03-28T21:59:00Z', now, BXL), 'today'); // 23:59 CEST
    assert.equal(dueWhen('2027-03-28T22:00:00Z', now, BXL), 'tomorrow'); // 00:00 CEST on the 29th
  });
});

describe('the order of the check list', () => {
  const now = at('2027-03-10T09:00:00Z');
  const items = [
    check('later', '2027-03-15T16:00:00Z'),
    check('done', '2027-03-09T16:00:00Z', 'submitted'),
    check('today-b', '2027-03-10T16:00:00Z', 'open', 'Willems'),
    check('overdue', '2027-03-08T16:00:00Z'),
    check('today-a', '2027-03-10T16:00:00Z', 'open', 'De Smet'),
    check('tomorrow', '2027-03-11T10:00:00Z'),
    check('gone', '2027-03-08T10:00:00Z', 'cancelled'),
    check('new-status', '2027-03-12T10:00:00Z', 'reassigned'),
  ];

  it('puts overdue first, then today, then later, soonest due first, and leaves out what is not open', () => {
    const groups = groupAssignments(items, now, BXL, 'open');
    assert.deepEqual(
      groups.map(({ group, items: inGroup }) => [group, inGroup.map((a) => a.id)]),
      [
        ['overdue', ['overdue']],
        ['today', ['today-a', 'today-b']],
        ['later', ['tomorrow', 'later']],
      ],
    );
  });

  it('lists submitted, cancelled and unknown statuses after the open ones when showing all', () => {
    const groups = groupAssignments(items, now, BXL, 'all');
    assert.deepEqual(groups.at(-1), { group: 'done', items: [items[6], items[1], items[7]] });
    assert.equal(toShow('all'), 'all');
    assert.equal(toShow(' ALL '), 'all');
    assert.equal(toShow('open'), 'open');
    assert.equal(toShow(undefined), 'open');
    assert.equal(toShow('everything'), 'open');
  });

  it('names the assignments whose sync state changed, none on the first reading', () => {
    assert.deepEqual(changedStates(undefined, new Map([['a', 'draft']])), []);
    assert.deepEqual(changedStates(new Map([['a', 'draft'], ['b', 'waiting']]), new Map([['a', 'draft'], ['b', 'sent'], ['c', 'draft']])), ['b', 'c']);
  });
});
