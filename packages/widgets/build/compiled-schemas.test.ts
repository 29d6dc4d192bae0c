import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as contract from '@blauw/core';
import { startMockServer, type MockServer } from '@blauw/mock-server/server';
import { createFixedClock } from '@blauw/mock-server';
import { schemasAsJson } from '../../../scripts/schemas-json.js';
import { compiled, page, type JsonSchemaNode } from '../src/shared/schema-validator.js';

// The CDN bundles check responses against JSON Schemas generated from the zod contract, with a
// small validator instead of zod. Here both judge the same real answers of the reference backend,
// and the same answers spoiled, and must agree; and the generated schemas may use only keywords the
// validator knows.

const json = schemasAsJson();
const all = Object.values(json).flatMap((file) => Object.entries(file));
const SUPPORTED = new Set(['type', 'properties', 'required', 'items', 'enum', 'const', 'anyOf', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'additionalProperties', 'propertyNames', 'format', 'description']);

function keywords(node: unknown, found = new Set<string>(), inProperties = false): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => keywords(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (!inProperties) found.add(key);
      keywords(value, found, !inProperties && key === 'properties');
    }
  }
  return found;
}

type Zod = { safeParse(value: unknown): { success: boolean } };
const zodOf = (name: string) => (contract as unknown as Record<string, Zod>)[name]!;
const compiledOf = (name: string) => compiled(all.find(([candidate]) => candidate === name)![1] as JsonSchemaNode);

describe('the CDN bundles’ response checks', () => {
  it('use only JSON Schema keywords the validator knows', () => {
    const used = keywords(all.map(([, schema]) => schema));
    assert.deepEqual([...used].filter((keyword) => !SUPPORTED.has(keyword)), []);
    // The validator does not read `format`: every node with one must carry the `pattern` zod adds.
    const unchecked: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (typeof record['format'] === 'string' && typeof record['pattern'] !== 'string') unchecked.push(record['format']);
        Object.values(record).forEach(walk);
      }
    };
    walk(all.map(([, schema]) => schema));
    assert.deepEqual(unchecked, []);
  });

  describe('judge real answers of the reference backend as zod does', () => {
    let server: MockServer;
    const bodies: [string, unknown][] = [];
    before(async () => {
      // A pinned clock: the answers are the same on any day the suite runs.
      server = await startMockServer({ port: 0, seed: 4, clock: createFixedClock('2027-03-01T08:00:00Z') });
      const api = `${server.url}/v1`;
      const get = async (path: string) => (await fetch(`${api}/${path}`)).json() as Promise<Record<string, unknown>>;
      const post = async (path: string, body: unknown) =>
        (await fetch(`${api}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(body) })).json() as Promise<Record<string, unknown>>;

      const topics = await get('topics');
      const offices = await get('offices');
      const officers = (await get('officers?limit=200')) as { items: contract.Officer[] };
      const street = officers.items[0]!.streets[0]!;
      const from = '2027-03-01';
      const to = '2027-03-31';
      const officeId = (offices['items'] as contract.Office[])[0]!.id;
      const availability = (await get(`availability?topicId=topic-domicile&officeId=${officeId}&from=${from}&to=${to}`)) as unknown as contract.Availability;
      const slot = availability.days.flatMap((day) => day.slots)[0]!;
      const hold = await post('holds', { slotId: slot.id, topicId: 'topic-domicile' });
      const citizen = { name: 'An Peeters', email: 'an.peeters@example.be', language: 'nl' };
      const booking = await post('bookings', { slotId: slot.id, holdId: hold['id'], topicId: 'topic-domicile', citizen });
      const taken = await post('bookings', { slotId: slot.id, topicId: 'topic-domicile', citizen });
      const address = { street: street.street, houseNumber: String(street.side === 'even' ? (street.from ?? 2) + ((street.from ?? 2) % 2) : street.from ?? 1), postalCode: street.postalCode, municipality: 'X' };
      const visit = await post('home-visits', { topicId: 'topic-domicile', address, dayParts: ['morning'], reason: 'Adres', citizen });
      bodies.push(
        ['page:Topic', topics],
        ['page:Office', offices],
        ['OfficerForAddress', await get(`officer-for-address?postalCode=${street.postalCode}&street=${encodeURIComponent(street.street)}&houseNumber=${address.houseNumber}`)],
        ['Availability', availability],
        ['SlotHold', hold],
        ['Booking', booking],
        ['SlotTakenProblem', taken],
        ['Managed', await get(`manage/${String(booking['manageToken'])}`)],
        ['HomeVisitRequest', visit],
        ['Managed', await get(`manage/${String(visit['manageToken'])}`)],
        ['Problem', await get('offices/nope')],
        ['CalendarFile', await (await fetch(`${api}/manage/${String(booking['manageToken'])}/calendar.ics`)).text()],
      );
    });
    after(() => server.close());

    const both = (name: string): [Zod, Zod] => {
      if (name.startsWith('page:')) {
        const item = name.slice(5);
        return [contract.page(zodOf(item) as never) as unknown as Zod, page(compiledOf(item))];
      }
      return [zodOf(name), compiledOf(name)];
    };

    it('accepts every answer zod accepts', () => {
      assert.equal(bodies.length, 12);
      for (const [name, body] of bodies) {
        const [zod, light] = both(name);
        assert.equal(zod.safeParse(body).success, true, `zod refused the backend's ${name}`);
        assert.equal(light.safeParse(body).success, true, `the light check refused the backend's ${name}`);
      }
    });

    it('refuses every spoiled answer zod refuses', () => {
      let spoiled = 0;
      for (const [name, body] of bodies) {
        const [zod, light] = both(name);
        const spoils: unknown[] = [null, 42, [body]];
        if (body && typeof body === 'object') {
          for (const key of Object.keys(body)) {
            const { [key]: _dropped, ...rest } = body as Record<string, unknown>;
            spoils.push(rest, { ...body, [key]: { wrong: true } });
          }
        }
        for (const value of spoils) {
          const verdict = zod.safeParse(value).success;
          assert.equal(light.safeParse(value).success, verdict, `${name} spoiled as ${JSON.stringify(value).slice(0, 120)}`);
          if (!verdict) spoiled++;
        }
      }
      assert.ok(spoiled > 100, `only ${spoiled} spoiled answers were refused`);
    });

    it('refuses a date that does not exist and a wrong enum value, as zod does', () => {
      const availability = bodies.find(([name]) => name === 'Availability')![1] as contract.Availability;
      for (const value of [{ ...availability, from: '2027-13-01' }, { ...availability, days: [{ date: '2027-02-32', slots: [] }] }]) {
        assert.equal(zodOf('Availability').safeParse(value).success, false);
        assert.equal(compiledOf('Availability').safeParse(value).success, false);
      }
      const booking = bodies.find(([name]) => name === 'Booking')![1] as contract.Booking;
      assert.equal(compiledOf('Booking').safeParse({ ...booking, status: 'maybe' }).success, false);
    });
  });
});
