// Node-side pieces of the write path the browser-safe handlers cannot do themselves: telling
// them who is asking (the connection's address), and the "committed, then the answer was lost"
// chaos mode.
import type { NextFunction, Request, Response } from 'express';

/**
 * The request header that carries the client's address from the Node server to the handlers.
 * Whatever a caller sends in it is overwritten, so it cannot be spoofed.
 */
export const CLIENT_HEADER = 'x-blauw-client';

/**
 * Express middleware: stamps each request with the address its connection came from (not a
 * forwarded-for header: the mock server is reached directly). The handlers read it with
 * {@link clientFromHeader} to scope anonymous Idempotency-Keys, write limits and holds.
 */
export function stampClient(request: Request, _response: Response, next: NextFunction): void {
  request.headers[CLIENT_HEADER] = request.socket.remoteAddress ?? 'unknown';
  next();
}

/** The client a request came from, as {@link stampClient} recorded it. */
export function clientFromHeader(request: globalThis.Request): string {
  return request.headers.get(CLIENT_HEADER) ?? 'unknown';
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Express middleware for `--drop-after-commit RATE`: with probability `rate` (drawn from
 * `draw`, a seeded stream, so the same seed drops the same writes), a `/v1` write runs to the end, its effect
 * and its Idempotency-Key answer stored, and then the connection is closed instead of answering,
 * as when a phone loses the network just after the server committed. A client must retry with
 * the same key and gets the stored answer; the write takes effect once.
 */
export function dropAfterCommit(rate: number, draw: () => number) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (rate === 0 || !WRITES.has(request.method) || draw() >= rate) {
      next();
      return;
    }
    // The handler answers through write/end once it has committed: lose that answer.
    const drop = (() => {
      request.socket.destroy();
      return response;
    }) as never;
    response.write = drop;
    response.end = drop;
    next();
  };
}
