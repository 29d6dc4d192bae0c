import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CheckType, type CheckSubmissionInput } from '@blauw/core';
import { SEED_CHECK_TYPES } from '../seed/check-types.js';
import { seedZone } from '../seed/zone-seed.js';
import { CheckDesk, latestCheckTypes, seedCheckAssignments, validateAnswers } from './checks.js';
import { createFixedClock } from './clock.js';
import { DomainError } from './domain-error.js';

const NOW = '2027-03-06T22:00:00+01:00';
const domicile = (version: number) => SEED_CHECK_TYPES.find((type) => type.type === 'domicile' && type.version === version) as CheckType;
const monitoring = SEED_CHECK_TYPES.find((type) => type.type === 'electronic_monitoring') as CheckType;

const DOMICILE_ANSWERS = {
  personMet: true,
  identityVerified: true,
  nameOnLetterbox: true,
  nameOnBell: false,
  signsOfLiving: 'clear',
  neighboursHeard: false,
  conclusion: 'lives_there',
  attestation: true,
};

function refusal(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  assert.fail('expected a DomainError');
}

function desk() {
  const clock = createFixedClock(NOW);
  const data = seedZone(1, clock);
  const assignments = seedCheckAssignments(data, 1, clock);
  const officerId = (data.officers[0] as { id: string }).id;
  return { clock, officerId, assignments, desk: new CheckDesk({ clock, timeZone: data.timeZone, assignments }) };
}

function input(assignmentId: string, overrides: Partial<CheckSubmissionInput> = {}): CheckSubmissionInput {
  return {
    clientId: '0b6f1c2e-7d1a-4c55-9b8e-3f0a2d4c6e81',
    assignmentId,
    type: 'domicile',
    definitionVersion: 2,
    answers: DOMICILE_ANSWERS,
    completedAt: '2027-03-06T21:40:00+01:00',
    ...overrides,
  };
}

describe('seeded check types', () => {
  it('are valid definitions with labels in nl, fr, de and en, and conditions that name an earlier field', () => {
    for (const definition of SEED_CHECK_TYPES) {
      CheckType.parse(definition);
      const before = new Set<string>();
      for (const field of definition.fields) {
        for (const text of [field.label, field.hint].filter((x) => x !== undefined)) for (const language of ['nl', 'fr', 'de', 'en'] as const) assert.ok(text[language].length > 0);
        for (const condition of field.visibleWhen ?? []) assert.ok(before.has(condition.field), `${definition.type} ${field.name} → ${condition.field}`);
        before.add(field.name);
      }
    }
  });

  it('lists each type once, in its latest version (domicile 2, which added the number of occupants)', () => {
    const latest = latestCheckTypes(SEED_CHECK_TYPES);
    assert.deepEqual(latest.map((type) => `${type.type}@${type.version}`), ['domicile@2', 'residence@1', 'electronic_monitoring@1']);
    assert.ok(domicile(2).fields.some((field) => field.name === 'occupants'));
    assert.ok(!domicile(1).fields.some((field) => field.name === 'occupants'));
  });
});

describe('seeded check assignments', () => {
  it('gives the dev officer as many as a load test asks for, each with its own id, and still 2 to the second officer', () => {
    const clock = createFixedClock('2027-03-06T22:00:00+01:00');
    const data = seedZone(1, clock);
    const many = seedCheckAssignments(data, 1, clock, 420);
    const [dev, second] = data.officers;
    assert.equal(many.filter((assignment) => assignment.officerId === dev!.id).length, 420);
    assert.equal(many.filter((assignment) => assignment.officerId === second!.id).length, 2);
    assert.equal(new Set(many.map((assignment) => assignment.id)).size, many.length);
    assert.equal(many.filter((assignment) => assignment.status === 'open' && assignment.type === 'domicile' && assignment.officerId === dev!.id).length, 209);
  });

  it('are the same for the same seed and clock, and differ for another seed', () => {
    const clock = createFixedClock(NOW);
    assert.deepEqual(seedCheckAssignments(seedZone(1, clock), 1, clock), seedCheckAssignments(seedZone(1, clock), 1, clock));
    assert.notDeepEqual(seedCheckAssignments(seedZone(2, clock), 2, clock), seedCheckAssignments(seedZone(1, clock), 1, clock));
  });

  it('give the dev officer 12 checks on the zone clock: assigned before today, due after it, one cancelled, soonest due first', () => {
    const { assignments, officerId } = desk();
    const mine = assignments.filter((assignment) => assignment.officerId === officerId);
    assert.equal(mine.length, 12);
    assert.equal(mine.filter((assignment) => assignment.status === 'cancelled').length, 1);
    for (const assignment of mine) {
      assert.ok(Date.parse(assignment.createdAt) < Date.parse(NOW));
      assert.ok(Date.parse(assignment.dueBy) > Date.parse(NOW));
      assert.match(assignment.dueBy, /T18:00:00\+01:00$/);
    }
    const due = mine.map((assignment) => Date.parse(assignment.dueBy));
    assert.deepEqual(due, [...due].sort((a, b) => a - b));
    assert.deepEqual(new Set(mine.map((assignment) => assignment.type)), new Set(['domicile', 'residence', 'electronic_monitoring']));
  });
});

describe('validateAnswers', () => {
  it('keeps the answers of the fields shown', () => {
    assert.deepEqual(validateAnswers(domicile(2), DOMICILE_ANSWERS), DOMICILE_ANSWERS);
  });

  it('asks for the reason only when the person was not met, and then not for the identity check', () => {
    const { identityVerified: _, ...notMet } = { ...DOMICILE_ANSWERS, personMet: false };
    const error = refusal(() => validateAnswers(domicile(2), notMet));
    assert.equal(error.code, 'check_answers_invalid');
    assert.deepEqual(error.errors, [{ pointer: '/answers/notMetReason', detail: 'Required.' }]);
    assert.deepEqual(validateAnswers(domicile(2), { ...notMet, notMetReason: 'Niemand thuis.' }).notMetReason, 'Niemand thuis.');
  });

  it('ignores and drops an answer to a hidden field instead of refusing it', () => {
    const kept = validateAnswers(domicile(2), { ...DOMICILE_ANSWERS, notMetReason: 'stale text from before' });
    assert.equal('notMetReason' in kept, false);
  });

  it('follows a chain of conditions: tag intact is asked only when the tag is visible, which is asked only when the person is present', () => {
    const base = { curfewStart: '20:00', curfewEnd: '07:00', visitedAt: '2027-03-06T21:30:00+01:00', homeUnitPowered: true, attestation: true };
    const absent = validateAnswers(monitoring, { ...base, personPresent: false, absenceExplanation: 'Niemand doet open.', tagIntact: true });
    assert.equal('tagIntact' in absent, false);
    const error = refusal(() => validateAnswers(monitoring, { ...base, personPresent: true, tagVisible: true }));
    assert.deepEqual(error.errors.map((item) => item.pointer), ['/answers/tagIntact']);
  });

  it('points at every wrong answer: kinds, options, rules, an unattested check and fields the version lacks', () => {
    const error = refusal(() =>
      validateAnswers(domicile(1), { ...DOMICILE_ANSWERS, nameOnBell: 'yes', signsOfLiving: 'maybe', attestation: false, occupants: 3, photos: ['a', 'b', 'c', 'd', 'e', 'f'] }),
    );
    assert.deepEqual(error.errors.map((item) => item.pointer).sort(), ['/answers/attestation', '/answers/nameOnBell', '/answers/occupants', '/answers/photos', '/answers/signsOfLiving']);
    const range = refusal(() => validateAnswers(domicile(2), { ...DOMICILE_ANSWERS, occupants: 0 }));
    assert.deepEqual(range.errors, [{ pointer: '/answers/occupants', detail: 'At least 1.' }]);
    const time = refusal(() => validateAnswers(monitoring, { curfewStart: '25:00' }));
    assert.ok(time.errors.some((item) => item.pointer === '/answers/curfewStart' && /HH:MM/.test(item.detail)));
  });
});

describe('CheckDesk.submit', () => {
  it('stores a check, stamps when it arrived, and marks the assignment submitted', () => {
    const { desk: checks, officerId } = desk();
    const assignment = checks.listAssignments(officerId, { statuses: ['open'] }, {}).items.find((item) => item.type === 'domicile');
    assert.ok(assignment);
    const outcome = checks.submit(officerId, input(assignment.id));
    assert.equal(outcome.replayed, false);
    assert.equal(outcome.submission.receivedAt, NOW);
    assert.equal(checks.getAssignment(officerId, assignment.id).status, 'submitted');
    assert.equal(checks.getAssignment(officerId, assignment.id).submissionId, outcome.submission.id);
  });

  it('answers a resend with the same client id and body with the first submission, days later, and stores nothing new', () => {
    const { desk: checks, officerId, clock } = desk();
    const assignment = checks.listAssignments(officerId, { statuses: ['open'] }, {}).items.find((item) => item.type === 'domicile');
    assert.ok(assignment);
    const first = checks.submit(officerId, input(assignment.id));
    clock.advance(8 * 24 * 60 * 60 * 1000);
    const again = checks.submit(officerId, input(assignment.id, { answers: { ...DOMICILE_ANSWERS } }));
    assert.equal(again.replayed, true);
    assert.deepEqual(again.submission, first.submission);
  });

  it('refuses a changed check under a client id already used, and the same client id from another officer', () => {
    const { desk: checks, officerId, assignments } = desk();
    const assignment = checks.listAssignments(officerId, { statuses: ['open'] }, {}).items.find((item) => item.type === 'domicile');
    assert.ok(assignment);
    checks.submit(officerId, input(assignment.id));
    const changed = refusal(() => checks.submit(officerId, input(assignment.id, { answers: { ...DOMICILE_ANSWERS, nameOnBell: true } })));
    assert.equal(changed.code, 'client_id_reused');
    const other = assignments.find((item) => item.officerId !== officerId);
    assert.ok(other);
    assert.equal(refusal(() => checks.submit(other.officerId, input(assignment.id))).code, 'client_id_reused');
  });

  it('refuses a second check for a submitted assignment, a cancelled one, another officer’s and one in the future', () => {
    const { desk: checks, officerId, assignments } = desk();
    const open = checks.listAssignments(officerId, { statuses: ['open'] }, {}).items.find((item) => item.type === 'domicile');
    const cancelled = checks.listAssignments(officerId, { statuses: ['cancelled'] }, {}).items[0];
    const others = assignments.find((item) => item.officerId !== officerId);
    assert.ok(open && cancelled && others);
    checks.submit(officerId, input(open.id));
    const second = refusal(() => checks.submit(officerId, input(open.id, { clientId: '5a0e0d8e-2c53-4f0b-8d4f-1f3c2b1a0e9d' })));
    assert.equal(second.code, 'check_assignment_not_open');
    assert.equal(second.extensions['assignmentStatus'], 'submitted');
    const withdrawn = refusal(() => checks.submit(officerId, input(cancelled.id, { clientId: '6b1f1e9f-3d64-4a1c-9e5a-2a4d3c2b1f0e', type: cancelled.type })));
    assert.equal(withdrawn.code, 'check_assignment_not_open');
    assert.equal(refusal(() => checks.submit(officerId, input(others.id, { clientId: '7c2a2fa0-4e75-4b2d-8f6b-3b5e4d3c2a1f' }))).code, 'check_assignment_not_found');
    const next = checks.listAssignments(officerId, { statuses: ['open'] }, {}).items.find((item) => item.type === 'domicile');
    assert.ok(next);
    const future = refusal(() => checks.submit(officerId, input(next.id, { clientId: '8d3b3ab1-5f86-4c3e-9a7c-4c6f5e4d3b2a', completedAt: '2027-03-06T22:30:00+01:00' })));
    assert.deepEqual(future.errors.map((item) => item.pointer), ['/completedAt']);
  });

  it('checks answers against the version they were filled in with, and refuses an unknown version or another type', () => {
    const { desk: checks, officerId } = desk();
    const [a, b] = checks.listAssignments(officerId, { statuses: ['open'] }, {}).items.filter((item) => item.type === 'domicile');
    assert.ok(a && b);
    assert.equal(checks.submit(officerId, input(a.id, { definitionVersion: 1 })).submission.definitionVersion, 1);
    const ids = ['9e4c4bc2-6a97-4d4f-8b8d-5d7a6f5e4c3b', 'af5d5cd3-7ba8-4e5a-9c9e-6e8b7a6f5d4c', 'b06e6de4-8cb9-4f6b-8daf-7f9c8b7a6e5d'] as const;
    assert.deepEqual(refusal(() => checks.submit(officerId, input(b.id, { clientId: ids[0], definitionVersion: 1, answers: { ...DOMICILE_ANSWERS, occupants: 2 } }))).errors, [
      { pointer: '/answers/occupants', detail: 'Version 1 of domicile has no field occupants.' },
    ]);
    assert.deepEqual(refusal(() => checks.submit(officerId, input(b.id, { clientId: ids[1], definitionVersion: 7 }))).errors.map((item) => item.pointer), ['/definitionVersion']);
    assert.deepEqual(refusal(() => checks.submit(officerId, input(b.id, { clientId: ids[2], type: 'residence' }))).errors.map((item) => item.pointer), ['/type']);
  });

  it('forgets submissions when the data is replaced (a reset), with the assignments they completed', () => {
    const { desk: checks, officerId, assignments } = desk();
    const assignment = checks.listAssignments(officerId, { statuses: ['open'] }, {}).items.find((item) => item.type === 'domicile');
    assert.ok(assignment);
    checks.submit(officerId, input(assignment.id));
    checks.replace(assignments);
    assert.equal(checks.getAssignment(officerId, assignment.id).status, 'open');
    assert.equal(checks.submit(officerId, input(assignment.id)).replayed, false);
  });
});
