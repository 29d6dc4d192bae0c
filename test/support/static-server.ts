// A built site served as a web host would: plain files from one folder on a loopback origin,
// with the headers the test asks for (a Content-Security-Policy, say). No directory listings,
// nothing outside the folder.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/** A running static file server and how to reach it. */
export interface StaticServer {
  /** Origin it listens on, always `http://127.0.0.1:<port>`. */
  origin: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the files under `dir` on 127.0.0.1 and a free port; `/` is `index.html`. Each answer
 * carries `headers`.
 *
 * @example
 * const site = await serveStatic('dist', { 'content-security-policy': "default-src 'self'" });
 * await page.goto(`${site.origin}/`);
 */
export async function serveStatic(dir: string, headers: Record<string, string> = {}): Promise<StaticServer> {
  const root = normalize(dir + sep);
  const server = createServer((request, response) => {
    const answer = (status: number, type: string, body: Buffer | string) => {
      response.writeHead(status, { ...headers, 'content-type': type, 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'text/plain', 'Only GET and HEAD.');
    const file = fileFor(root, request.url ?? '/');
    if (file === undefined) return answer(404, 'text/plain', 'Not here.');
    readFile(file).then(
      (body) => answer(200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body),
      (error: NodeJS.ErrnoException) =>
        error.code === 'ENOENT' || error.code === 'EISDIR' ? answer(404, 'text/plain', 'Not here.') : answer(500, 'text/plain', String(error)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The file a request path names under `root`, or undefined when it is malformed or points outside. */
function fileFor(root: string, url: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
  const file = normalize(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
  return file.startsWith(root) ? file : undefined;
}
