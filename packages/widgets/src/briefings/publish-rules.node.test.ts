import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError, ServerError } from '@blauw/core';
import { draftProblems, instantToZoned, refusedFields, zonedToInstant, type PublishDraft } from './publish-rules.js';

const BXL = 'Europe/Brussels';
const problem = (code: string, errors: { pointer: string; detail: string }[] = []) => ({ status: 422, problem: { type: 'about:blank', title: code, status: 422, code, errors } });

describe('times typed in Brussels', () => {
  it('reads 06:00 in winter as 05:00 UTC and in summer as 04:00 UTC', () => {
    assert.equal(zonedToInstant('2027-03-11T06:00', BXL), '2027-03-11T05:00:00.000Z');
    assert.equal(zonedToInstant('2027-07-01T06:00', BXL), '2027-07-01T04:00:00.000Z');
  });
  it('reads midnight as the start of that day', () => {
    assert.equal(zonedToInstant('2027-03-11T00:00', BXL), '2027-03-10T23:00:00.000Z');
  });
  it('refuses what is not a time', () => {
    for (const text of ['', '2027-02-30T06:00', '11/03/2027 06:00', '2027-03-11']) assert.equal(zonedToInstant(text, BXL), undefined, text);
  });
  it('writes an instant back as the form shows it', () => {
    assert.equal(instantToZoned(Date.parse('2027-03-10T23:30:00Z'), BXL), '2027-03-11T00:30');
    assert.equal(zonedToInstant(instantToZoned(Date.parse('2027-07-01T12:15:00Z'), BXL), BXL), '2027-07-01T12:15:00.000Z');
  });
});

describe('a draft', () => {
  const draft: PublishDraft = { title: 'Kermis', text: 'Plan', priority: false, audienceKind: 'team', audienceId: 'team-hamme', validFrom: '2027-03-10T07:00', validUntil: '2027-03-11T06:00' };
  it('has no problems when complete', () => assert.deepEqual(draftProblems(draft, BXL), []));
  it('names the empty fields and an end not after the start, in the form’s order', () => {
    assert.deepEqual(draftProblems({ ...draft, title: ' ', audienceId: '', validUntil: '2027-03-10T07:00' }, BXL), ['title', 'audienceId', 'validUntil']);
  });
});

describe('the server’s refusals', () => {
  it('point at the audience or the end of the validity by code', () => {
    assert.deepEqual(refusedFields(new ValidationError('x', problem('briefing_audience_unknown'))), ['audienceId']);
    assert.deepEqual(refusedFields(new ValidationError('x', problem('briefing_validity_invalid'))), ['validUntil']);
  });
  it('point at fields by JSON pointer', () => {
    const error = new ValidationError('x', problem('validation_failed', [{ pointer: '/title', detail: 'too long' }, { pointer: '/audience/teamId', detail: '?' }, { pointer: '/attachments/0/url', detail: 'https' }]));
    assert.deepEqual(refusedFields(error), ['title', 'audienceId']);
  });
  it('point at nothing for another error', () => assert.deepEqual(refusedFields(new ServerError('down', { status: 503 })), []));
});
