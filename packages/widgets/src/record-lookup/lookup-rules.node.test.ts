import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldOfPointer, formIssues, issueOfRefusal, lookupInput, nationalNumberFeedback, plateFeedback, purposeIssues, valuesOf } from './lookup-rules.js';

const fields = (issues: { field: string }[]) => issues.map((issue) => issue.field);

describe('the look-up form’s rules', () => {
  it('asks for a purpose first, and for its text where the server does (incident, check, other)', () => {
    assert.deepEqual(purposeIssues({}), [{ field: 'purposeCode', key: 'i.purposeCode' }]);
    assert.deepEqual(purposeIssues({ purposeCode: 'incident', purposeText: '  ' }), [{ field: 'purposeText', key: 'i.purposeText.incident' }]);
    assert.deepEqual(purposeIssues({ purposeCode: 'check' }), [{ field: 'purposeText', key: 'i.purposeText.check' }]);
    assert.deepEqual(purposeIssues({ purposeCode: 'other' }), [{ field: 'purposeText', key: 'i.purposeText.other' }]);
    assert.deepEqual(purposeIssues({ purposeCode: 'traffic_control' }), []);
    assert.deepEqual(purposeIssues({ purposeCode: 'incident', purposeText: '2027-0042' }), []);
    assert.deepEqual(formIssues('all', { purposeCode: 'other', purposeText: 'x'.repeat(501), query: 'Verbeke' }), [{ field: 'purposeText', key: 'i.tooLong' }]);
  });

  it('refuses a national number whose check digits are wrong, and takes one of someone born after 2000', () => {
    const purpose = { purposeCode: 'traffic_control' };
    assert.deepEqual(fields(formIssues('person', { ...purpose, nationalNumber: '85.07.30-033.29' })), ['nationalNumber']);
    assert.deepEqual(formIssues('person', { ...purpose, nationalNumber: '03.05.14-124.68' }), []);
    assert.deepEqual(lookupInput('person', { ...purpose, nationalNumber: '03.05.14-124.68', familyName: 'ignored' }), { kind: 'person', input: { nationalNumber: '03051412468' } });
  });

  it('says nothing of a national number before its eleventh digit, then whether it is one and the birth date it holds', () => {
    assert.deepEqual(nationalNumberFeedback('85.07.30-03'), { state: 'none' });
    assert.deepEqual(nationalNumberFeedback('85.07.30-033.28'), { state: 'valid', birthDate: '1985-07-30', sex: 'male' });
    assert.deepEqual(nationalNumberFeedback('85073003329'), { state: 'invalid' });
    assert.deepEqual(nationalNumberFeedback('85x'), { state: 'invalid' });
  });

  it('needs a family name and a birth date without a national number', () => {
    const purpose = { purposeCode: 'investigation' };
    assert.deepEqual(fields(formIssues('person', purpose)), ['familyName']);
    assert.deepEqual(fields(formIssues('person', { ...purpose, familyName: 'Verbeke' })), ['birthDate']);
    assert.deepEqual(lookupInput('person', { ...purpose, familyName: ' Verbeke ', birthDate: '1985-07-30' }), { kind: 'person', input: { familyName: 'Verbeke', birthDate: '1985-07-30' } });
  });

  it('normalises a plate as typed and sends it so', () => {
    assert.equal(plateFeedback('1abc234'), '1-ABC-234');
    assert.equal(plateFeedback('abc 123'), 'ABC-123');
    assert.equal(plateFeedback('12-AB'), undefined);
    assert.deepEqual(lookupInput('vehicle', { purposeCode: 'traffic_control', plate: '1abc234' }), { kind: 'vehicle', input: { plate: '1-ABC-234' } });
    assert.deepEqual(fields(formIssues('vehicle', { purposeCode: 'traffic_control', plate: '1abc23' })), ['plate']);
  });

  it('needs a street narrowed by a postal code or a municipality, and a postal code of four digits', () => {
    const purpose = { purposeCode: 'traffic_control' };
    assert.deepEqual(fields(formIssues('address', purpose)), ['street']);
    assert.deepEqual(fields(formIssues('address', { ...purpose, street: 'Kouter' })), ['postalCode']);
    assert.deepEqual(fields(formIssues('address', { ...purpose, street: 'Kouter', postalCode: '0900' })), ['postalCode']);
    assert.deepEqual(formIssues('address', { ...purpose, street: 'Kouter', municipality: 'Gent' }), []);
    assert.deepEqual(lookupInput('address', { ...purpose, street: 'Kouter', houseNumber: '12', postalCode: '9000' }), { kind: 'address', input: { street: 'Kouter', houseNumber: '12', postalCode: '9000' } });
  });

  it('puts a server’s pointers on the fields of the tab that sent them', () => {
    assert.equal(fieldOfPointer('person', '/purpose'), 'purposeCode');
    assert.equal(fieldOfPointer('vehicle', '/purpose/text'), 'purposeText');
    assert.equal(fieldOfPointer('person', '/nationalNumber'), 'nationalNumber');
    assert.equal(fieldOfPointer('all', '/query'), 'query');
    assert.equal(fieldOfPointer('vehicle', '/nationalNumber'), undefined);
  });

  it('words the server’s refusals it knows in the officer’s language, and leaves the others to the server’s detail', () => {
    assert.equal(issueOfRefusal('plate', 'plate_invalid', 'traffic_control'), 'i.plate');
    assert.equal(issueOfRefusal('query', 'national_number_invalid', 'incident'), 'i.nationalNumber');
    assert.equal(issueOfRefusal('purposeText', 'purpose_invalid', 'check'), 'i.purposeText.check');
    assert.equal(issueOfRefusal('purposeCode', 'purpose_required', undefined), 'i.purposeCode');
    assert.equal(issueOfRefusal('birthDate', 'search_criteria_missing', 'investigation'), 'i.birthDate');
    assert.equal(issueOfRefusal('query', 'query_too_vague', 'investigation'), undefined);
    assert.equal(issueOfRefusal('houseNumber', undefined, 'investigation'), undefined);
  });

  it('fills the form in again from a past look-up', () => {
    assert.deepEqual(valuesOf({ kind: 'address', input: { street: 'Kouter', postalCode: '9000' } }), { street: 'Kouter', postalCode: '9000' });
  });
});
