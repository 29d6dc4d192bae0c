import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { createClient } from '../client.js';
import { ForbiddenError, NotFoundError, ResponseShapeError, ValidationError } from '../errors.js';
import type { OfficeClosure } from '../schemas/zone.js';
import { paginate } from '../transport/paginate.js';
import { base, useMockApi } from '../testing/mock-api.js';
import { gent, office, officer, topic } from '../testing/zone-fixtures.js';

const server = useMockApi();

const client = createClient({ baseUrl: base, retry: { limit: 0 } });

const closure: OfficeClosure = { id: 'c-1', officeId: 'o-1', from: '2027-07-21', to: '2027-07-21', reason: 'National holiday' };

/** Answers `GET {base}/{route}` with `body`, recording the requested URL. */
function serve(route: string, body: object) {
  const urls: URL[] = [];
  server.use(
    http.get(`${base}/${route}`, ({ request }) => {
      urls.push(new URL(request.url));
      return HttpResponse.json(body);
    }),
  );
  return urls;
}
const pageOf = <T>(items: T[], nextCursor: string | null = null) => ({ items, nextCursor });

describe('zone resource', () => {
  it('lists municipalities with cursor and limit', async () => {
    const urls = serve('municipalities', pageOf([gent], 'c2'));
    const result = await client.zone.municipalities({ cursor: 'c1', limit: 10 });
    assert.deepEqual(result, pageOf([gent], 'c2'));
    assert.equal(urls[0]?.search, '?cursor=c1&limit=10');
  });

  it('gets one municipality, encoding its id as one path segment', async () => {
    const urls = serve('municipalities/:id', gent);
    assert.deepEqual(await client.zone.municipality({ municipalityId: 'm/gent é' }), gent);
    assert.equal(urls[0]?.pathname, '/v1/municipalities/m%2Fgent%20%C3%A9');
  });

  it("lists a municipality's offices", async () => {
    const urls = serve('offices', pageOf([office]));
    assert.deepEqual(await client.zone.offices({ municipalityId: 'm-gent' }), pageOf([office]));
    assert.equal(urls[0]?.searchParams.get('municipalityId'), 'm-gent');
  });

  it('lists all offices without a query when given no options', async () => {
    const urls = serve('offices', pageOf([office]));
    await client.zone.offices();
    assert.equal(urls[0]?.search, '');
  });

  it('gets one office', async () => {
    const urls = serve('offices/:id', office);
    assert.deepEqual(await client.zone.office({ officeId: 'o-1' }), office);
    assert.equal(urls[0]?.pathname, '/v1/offices/o-1');
  });

  it('lists officers by office and municipality', async () => {
    const urls = serve('officers', pageOf([officer]));
    assert.deepEqual(await client.zone.officers({ officeId: 'o-1', municipalityId: 'm-gent', limit: 5 }), pageOf([officer]));
    assert.equal(urls[0]?.search, '?officeId=o-1&municipalityId=m-gent&limit=5');
  });

  it('gets one officer; a street without a side (both sides) stays without one', async () => {
    const { side: _, ...street } = officer.streets[0]!;
    serve('officers/:id', { ...officer, streets: [street] });
    const result = await client.zone.officer({ officerId: 'a-1' });
    assert.deepEqual(result.streets[0], street);
    assert.equal('side' in result.streets[0]!, false);
  });

  it('lists topics', async () => {
    serve('topics', pageOf([topic]));
    assert.deepEqual(await client.zone.topics(), pageOf([topic]));
  });

  it('finds the officer for an address', async () => {
    const urls = serve('officer-for-address', { officer, office, municipality: gent });
    const result = await client.zone.officerForAddress({ postalCode: '9000', street: 'Veldstraat', houseNumber: '12' });
    assert.equal(result.officer.id, 'a-1');
    assert.equal(urls[0]?.search, '?postalCode=9000&street=Veldstraat&houseNumber=12');
  });

  it('says address_not_covered, without the address, when no officer covers it', async () => {
    server.use(
      http.get(`${base}/officer-for-address`, () =>
        HttpResponse.json(
          { title: 'Address not covered', status: 404, code: 'address_not_covered' },
          { status: 404, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    await assert.rejects(
      client.zone.officerForAddress({ postalCode: '9000', street: 'Kouter', houseNumber: '99' }),
      (error: unknown) =>
        error instanceof NotFoundError &&
        error.code === 'address_not_covered' &&
        error.message.includes('GET /v1/officer-for-address') &&
        !/Kouter|9000|99/.test(error.message),
    );
  });

  it("lists an office's closures", async () => {
    const urls = serve('offices/:id/closures', pageOf([closure]));
    assert.deepEqual(await client.zone.closures({ officeId: 'o-1', limit: 1 }), pageOf([closure]));
    assert.equal(urls[0]?.pathname, '/v1/offices/o-1/closures');
  });

  it('adds a closure with a POST that carries an Idempotency-Key and returns the created closure', async () => {
    let received: { body: unknown; key: string | null } | undefined;
    server.use(
      http.post(`${base}/offices/:id/closures`, async ({ request }) => {
        received = { body: await request.json(), key: request.headers.get('idempotency-key') };
        return HttpResponse.json(closure, { status: 201, headers: { Location: '/v1/offices/o-1/closures/c-1' } });
      }),
    );
    const input = { from: '2027-07-21', to: '2027-07-21', reason: 'National holiday' };
    const result = await client.zone.addClosure({ officeId: 'o-1', closure: input, idempotencyKey: 'k-1' });
    assert.deepEqual(result, closure);
    assert.deepEqual(received, { body: input, key: 'k-1' });
  });

  it('refuses a closure by a non-supervisor with ForbiddenError', async () => {
    server.use(http.post(`${base}/offices/:id/closures`, () => HttpResponse.json({ title: 'Supervisors only', status: 403 }, { status: 403 })));
    await assert.rejects(
      client.zone.addClosure({ officeId: 'o-1', closure: { from: '2027-07-21', to: '2027-07-20', reason: 'x' } }),
      ForbiddenError,
    );
  });

  it('reports refused closure dates as ValidationError with pointers', async () => {
    const errors = [{ pointer: '/to', detail: 'Must not be before from.' }];
    server.use(http.post(`${base}/offices/:id/closures`, () => HttpResponse.json({ title: 'Invalid', status: 422, errors }, { status: 422 })));
    await assert.rejects(
      client.zone.addClosure({ officeId: 'o-1', closure: { from: '2027-07-21', to: '2027-07-20', reason: 'x' } }),
      (error: unknown) => error instanceof ValidationError && error.fieldErrors[0]?.pointer === '/to',
    );
  });

  it('rejects an office whose time zone is not an IANA name', async () => {
    serve('offices/:id', { ...office, timeZone: 'CET+1 summer' });
    await assert.rejects(client.zone.office({ officeId: 'o-1' }), (error: unknown) => {
      assert.ok(error instanceof ResponseShapeError);
      assert.deepEqual(error.issues[0]?.path, ['timeZone']);
      return true;
    });
  });

  it('walks every page with paginate', async () => {
    const second = { ...office, id: 'o-2' };
    server.use(
      http.get(`${base}/offices`, ({ request }) =>
        HttpResponse.json(new URL(request.url).searchParams.get('cursor') === 'p2' ? pageOf([second]) : pageOf([office], 'p2')),
      ),
    );
    const ids: string[] = [];
    for await (const item of paginate((cursor) => client.zone.offices({ cursor }))) ids.push(item.id);
    assert.deepEqual(ids, ['o-1', 'o-2']);
  });
});
