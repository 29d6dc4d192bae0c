// Node-side pieces of the live stream that the browser-safe handlers cannot do themselves:
// stopping a stream when its client goes away, and the "connection drops every few events"
// chaos mode that makes clients prove they resume.
import type { Readable } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { randomInt, type Random } from './domain/random.js';

const isEventStream = (response: Response) => /^text\/event-stream/i.test(String(response.getHeader('Content-Type') ?? ''));

/**
 * Express middleware, before the msw one: when a response body is piped in (the msw middleware
 * does `Readable.fromWeb(body).pipe(res)`) and the client goes away, destroy the body. `pipe`
 * alone leaves the source running when the response closes, so a live stream's timers would
 * poll for a client that is gone, forever; destroying the Readable cancels the web stream,
 * whose `cancel()` stops them. For a HEAD request an event stream is ended after its headers.
 */
export function releaseBodyOnClose(request: Request, response: Response, next: NextFunction): void {
  // Read before the API's middleware turns HEAD into GET.
  const head = request.method === 'HEAD';
  response.once('pipe', (source: Readable) => {
    if (head && isEventStream(response)) {
      source.unpipe(response);
      source.destroy();
      response.end();
      return;
    }
    response.once('close', () => source.destroy());
  });
  next();
}

/**
 * Express middleware for `--stream-chaos N`: each event stream is cut off abruptly (its socket
 * destroyed, no end of the chunked body) after a number of events drawn between 1 and 2N from
 * `draw`, a seeded stream of its own, so the same seed drops the same streams at the same event.
 * Events are counted as the frames written with an `id:` line (`retry:` and heartbeats do not
 * count); the frame that reaches the count is sent whole, nothing after it.
 */
export function streamChaos(meanEvents: number, draw: Random) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (meanEvents <= 0 || request.method !== 'GET') {
      next();
      return;
    }
    const limit = randomInt(draw, 1, 2 * meanEvents);
    let seen = 0;
    let cut = false;
    const write = response.write.bind(response) as (chunk: unknown, ...rest: unknown[]) => boolean;
    response.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
      if (cut) return true;
      if (!isEventStream(response)) return write(chunk, ...rest);
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      // The stream writes whole frames (a chunk never splits one), each ending in a blank line.
      let from = 0;
      for (let end = text.indexOf('\n\n', from); end !== -1; end = text.indexOf('\n\n', from)) {
        const frame = text.slice(from, end);
        from = end + 2;
        if (/^id:/m.test(frame) && ++seen >= limit) {
          cut = true;
          // Destroyed once the last frame is flushed: the client gets it, then a dead connection.
          write(text.slice(0, from), () => request.socket.destroy());
          return true;
        }
      }
      return write(chunk, ...rest);
    }) as typeof response.write;
    next();
  };
}
