import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEV_CITIZEN_TOKEN, DEV_OFFICER_TOKEN, DEV_SUPERVISOR_TOKEN } from '../seed/zone-seed.js';
import { authenticate, authorize } from './auth.js';
import { createFixedClock } from './clock.js';
import { createZone } from './zone.js';

describe('dev tokens and roles', () => {
  const { store } = createZone({ seed: 1, clock: createFixedClock('2027-03-01T09:00:00Z') });

  it('knows a seeded officer and a supervisor', () => {
    const officer = authenticate(store.tokens, `Bearer ${DEV_OFFICER_TOKEN}`);
    assert.equal(officer.kind === 'session' && officer.session.role, 'officer');
    const officerId = officer.kind === 'session' ? officer.session.officerId : undefined;
    assert.ok(officerId);
    assert.equal(store.getOfficer(officerId).id, officerId);
    const supervisor = authenticate(store.tokens, `bearer ${DEV_SUPERVISOR_TOKEN}`);
    assert.equal(supervisor.kind === 'session' && supervisor.session.role, 'supervisor');
  });

  it('treats no token as an anonymous citizen and an unknown one as invalid', () => {
    assert.deepEqual(authenticate(store.tokens, null), { kind: 'anonymous' });
    assert.deepEqual(authenticate(store.tokens, 'Bearer nope'), { kind: 'invalid' });
    assert.deepEqual(authenticate(store.tokens, 'Basic dXNlcg=='), { kind: 'invalid' });
  });

  it('lets citizens use open routes, officers officer routes and only supervisors supervisor routes', () => {
    const anonymous = authenticate(store.tokens, null);
    const officer = authenticate(store.tokens, `Bearer ${DEV_OFFICER_TOKEN}`);
    const supervisor = authenticate(store.tokens, `Bearer ${DEV_SUPERVISOR_TOKEN}`);
    const invalid = authenticate(store.tokens, 'Bearer nope');
    assert.equal(authorize(anonymous, 'none'), 'ok');
    assert.equal(authorize(anonymous, 'officer'), 'unauthenticated');
    assert.equal(authorize(officer, 'officer'), 'ok');
    assert.equal(authorize(officer, 'supervisor'), 'forbidden');
    assert.equal(authorize(supervisor, 'officer'), 'ok');
    assert.equal(authorize(supervisor, 'supervisor'), 'ok');
    assert.equal(authorize(invalid, 'none'), 'unauthenticated');
  });

  it('lets a signed-in citizen where anyone may go and forbids every police route', () => {
    const citizen = authenticate(store.tokens, `Bearer ${DEV_CITIZEN_TOKEN}`);
    assert.equal(citizen.kind === 'session' && citizen.session.role, 'citizen');
    assert.equal(citizen.kind === 'session' && citizen.session.officerId, undefined);
    assert.equal(authorize(citizen, 'none'), 'ok');
    assert.equal(authorize(citizen, 'officer'), 'forbidden');
    assert.equal(authorize(citizen, 'supervisor'), 'forbidden');
  });
});
