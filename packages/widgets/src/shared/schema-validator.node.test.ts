import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schemasAsJson } from '../../../../scripts/schemas-json.js';
import { compiled, type JsonSchemaNode } from './schema-validator.js';

// The CDN bundles' light response checks judge extensible enums as zod does: a value the server
// added after the bundle was built passes, a closed enum's unknown value does not.
const json = schemasAsJson();
const booking = (name: string) => compiled(json['booking']![name] as JsonSchemaNode);
const zone = (name: string) => compiled(json['zone']![name] as JsonSchemaNode);

describe('the light response check of an extensible enum', () => {
  it('accepts a closed day with a reason newer than the bundle, and refuses one that is no string', () => {
    assert.equal(booking('ClosedDay').safeParse({ reason: 'election' }).success, true);
    assert.equal(booking('ClosedDay').safeParse({ reason: 'holiday', name: { nl: 'Paasmaandag', fr: 'Lundi de Pâques', de: 'Ostermontag', en: 'Easter Monday' } }).success, true);
    assert.equal(booking('ClosedDay').safeParse({ reason: 7 }).success, false);
  });

  it('accepts an officer who speaks a language the bundle has no name for', () => {
    const officer = { id: 'a-1', displayName: 'Inspecteur Claes', officeId: 'o-1', municipalityId: 'm-1', languages: ['nl', 'tr'], streets: [] };
    assert.equal(zone('Officer').safeParse(officer).success, true);
  });

  it('still refuses an unknown value of a closed enum', () => {
    assert.equal(zone('StreetCoverage').safeParse({ street: 'Veldstraat', postalCode: '9000', side: 'north' }).success, false);
    assert.equal(zone('Session').safeParse({ role: 'dispatcher', displayName: 'X' }).success, false);
  });
});
