import { after, afterEach, before } from 'node:test';
import { setupServer, type SetupServer } from 'msw/node';

/** The base URL the SDK's own tests talk to; msw answers it, nothing leaves the process. */
export const base = 'http://api.test/v1';

/**
 * An msw server for one test file: listens before its tests, forgets per-test handlers after each,
 * and fails any request no handler answers (so a wrong path is a failing test, not a hang).
 */
export function useMockApi(): SetupServer {
  const server = setupServer();
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  after(() => server.close());
  return server;
}
