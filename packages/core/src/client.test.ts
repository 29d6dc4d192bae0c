import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, type ClientOptions } from './client.js';
import { ConfigurationError } from './errors.js';

describe('createClient', () => {
  it('refuses a missing baseUrl with ConfigurationError', () => {
    assert.throws(() => createClient({} as ClientOptions), ConfigurationError);
  });

  it('refuses a baseUrl that is not an http(s) URL', () => {
    assert.throws(() => createClient({ baseUrl: 'api.zone' }), ConfigurationError);
    assert.throws(() => createClient({ baseUrl: 'ftp://api.zone/v1' }), ConfigurationError);
  });

  it('uses a custom fetch for every request', async () => {
    const urls: string[] = [];
    const client = createClient({
      baseUrl: 'https://api.zone.example/v1',
      fetch: async (input) => {
        urls.push(input instanceof Request ? input.url : String(input));
        return Response.json({ items: [], nextCursor: null });
      },
    });
    assert.deepEqual(await client.zone.topics(), { items: [], nextCursor: null });
    assert.deepEqual(urls, ['https://api.zone.example/v1/topics']);
  });
});
