import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { delay, http, HttpResponse } from 'msw';
import { createClient } from '../client.js';
import { AbortedError, ForbiddenError, NotFoundError, ResponseShapeError, ValidationError } from '../errors.js';
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

describe('zone resource: walking every page with .all()', () => {
  const offices = ['o-1', 'o-2', 'o-3', 'o-4', 'o-5'].map((id) => ({ ...office, id }));
  /** Serves `offices` in pages of two (p1, p2, p3), recording every request. */
  function serveOfficePages({ slow = false } = {}) {
    const seen: { url: URL; headers: Headers }[] = [];
    server.use(
      http.get(`${base}/offices`, async ({ request }) => {
        const url = new URL(request.url);
        seen.push({ url, headers: request.headers });
        if (slow && seen.length > 1) await delay(500);
        const at = Number((url.searchParams.get('cursor') ?? 'p1').slice(1)) - 1;
        const more = 2 * at + 2 < offices.length;
        return HttpResponse.json(pageOf(offices.slice(2 * at, 2 * at + 2), more ? `p${at + 2}` : null));
      }),
    );
    return seen;
  }
  const cursors = (seen: { url: URL }[]) => seen.map(({ url }) => url.searchParams.get('cursor'));

  it('follows nextCursor through three pages, in order, one request per page', async () => {
    const seen = serveOfficePages();
    const ids: string[] = [];
    for await (const item of client.zone.offices.all()) ids.push(item.id);
    assert.deepEqual(ids, ['o-1', 'o-2', 'o-3', 'o-4', 'o-5']);
    assert.deepEqual(cursors(seen), [null, 'p2', 'p3']);
  });

  it('fetches the next page only once the current one is consumed', async () => {
    const seen = serveOfficePages();
    const walk = client.zone.offices.all();
    assert.equal(seen.length, 0, 'nothing is fetched before the first item is asked for');
    await walk.next();
    await walk.next();
    assert.equal(seen.length, 1);
    await walk.next();
    assert.equal(seen.length, 2);
  });

  it('fetches only the first page when the loop breaks after the first item', async () => {
    const seen = serveOfficePages();
    for await (const item of client.zone.offices.all()) {
      assert.equal(item.id, 'o-1');
      break;
    }
    assert.deepEqual(cursors(seen), [null]);
  });

  it('sends the filters, the limit and the call headers with every page request', async () => {
    const seen = serveOfficePages();
    const ids: string[] = [];
    for await (const item of client.zone.offices.all({ municipalityId: 'm-gent', limit: 2, headers: { 'X-Trace': 't-42' } })) ids.push(item.id);
    assert.equal(ids.length, 5);
    assert.deepEqual(
      seen.map(({ url }) => url.search),
      ['?municipalityId=m-gent&limit=2', '?municipalityId=m-gent&cursor=p2&limit=2', '?municipalityId=m-gent&cursor=p3&limit=2'],
    );
    assert.deepEqual(
      seen.map(({ headers }) => headers.get('x-trace')),
      ['t-42', 't-42', 't-42'],
    );
  });

  it('starts at the first page even when a JavaScript caller passes a cursor', async () => {
    const seen = serveOfficePages();
    const untyped = client.zone.offices.all as (options: object) => AsyncIterableIterator<{ id: string }>;
    const ids: string[] = [];
    for await (const item of untyped({ cursor: 'p3' })) ids.push(item.id);
    assert.equal(ids.length, 5);
    assert.deepEqual(cursors(seen), [null, 'p2', 'p3']);
  });

  it('rejects with AbortedError and fetches nothing more when aborted between two items', async () => {
    const seen = serveOfficePages();
    const controller = new AbortController();
    const ids: string[] = [];
    await assert.rejects(async () => {
      for await (const item of client.zone.offices.all({ signal: controller.signal })) {
        ids.push(item.id);
        controller.abort();
      }
    }, AbortedError);
    assert.deepEqual(ids, ['o-1']);
    assert.equal(seen.length, 1);
  });

  it('rejects with AbortedError when aborted while the next page is on its way', async () => {
    const seen = serveOfficePages({ slow: true });
    const controller = new AbortController();
    const ids: string[] = [];
    const started = performance.now();
    await assert.rejects(async () => {
      for await (const item of client.zone.offices.all({ signal: controller.signal })) {
        ids.push(item.id);
        if (ids.length === 2) setTimeout(() => controller.abort(), 20);
      }
    }, (error: unknown) => error instanceof AbortedError && error.request === 'GET /v1/offices');
    assert.deepEqual(ids, ['o-1', 'o-2']);
    assert.equal(seen.length, 2);
    assert.ok(performance.now() - started < 400, 'the page request is cancelled, not awaited');
  });

  it('works on a list method taken off its resource', async () => {
    serveOfficePages();
    const { offices: listOffices } = client.zone;
    const ids: string[] = [];
    for await (const item of listOffices.all()) ids.push(item.id);
    assert.equal(ids.length, 5);
    assert.equal((await listOffices()).items.length, 2);
  });

  it('walks municipalities, officers, topics and closures too', async () => {
    const twoPages = <T>(items: [T, T]) => ({ request }: { request: Request }) =>
      HttpResponse.json(new URL(request.url).searchParams.get('cursor') === 'next' ? pageOf([items[1]]) : pageOf([items[0]], 'next'));
    server.use(
      http.get(`${base}/municipalities`, twoPages([gent, { ...gent, id: 'm-2' }])),
      http.get(`${base}/officers`, twoPages([officer, { ...officer, id: 'a-2' }])),
      http.get(`${base}/topics`, twoPages([topic, { ...topic, id: 't-2' }])),
      http.get(`${base}/offices/o-1/closures`, twoPages([closure, { ...closure, id: 'c-2' }])),
    );
    const ids = async (walk: AsyncIterable<{ id: string }>) => {
      const found: string[] = [];
      for await (const item of walk) found.push(item.id);
      return found;
    };
    assert.deepEqual(await ids(client.zone.municipalities.all()), ['m-gent', 'm-2']);
    assert.deepEqual(await ids(client.zone.officers.all({ officeId: 'o-1' })), ['a-1', 'a-2']);
    assert.deepEqual(await ids(client.zone.topics.all()), ['t-1', 't-2']);
    assert.deepEqual(await ids(client.zone.closures.all({ officeId: 'o-1' })), ['c-1', 'c-2']);
  });
});
