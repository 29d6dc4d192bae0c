import type { Managed } from '@blauw/core';

/**
 * A strong ETag for a JSON body: a 53-bit cyrb53 hash of its text. Pure TS so it runs in a
 * service worker too (WebCrypto digests are async and overkill for a mock).
 */
export function etagFor(json: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `"${hash.toString(36)}"`;
}

/** Whether an `If-None-Match` header matches an ETag (weak comparison, as RFC 9110 asks for GET). */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (header === null) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}

/**
 * The ETag of what a manage link shows: the booking's or visit's id and `sequence`, which goes
 * up on every change (reschedule, cancel, confirm, decline). Strong, as `If-Match` compares
 * strongly; cheap, so reschedule and cancel check it without serializing anything.
 *
 * @example managedEtag(zone.bookings.manage(token)) // '"booking-12.1"'
 */
export function managedEtag(managed: Managed): string {
  const item = managed.kind === 'booking' ? managed.booking : managed.visit;
  return `"${item.id}.${item.sequence}"`;
}

/**
 * Whether an `If-Match` header lets a write go ahead (RFC 9110 §13.1.1): no header, `*` (the
 * resource exists), or a list naming `etag` by strong comparison (a weak tag never matches).
 */
export function ifMatchHolds(header: string | null, etag: string): boolean {
  if (header === null) return true;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim() === etag);
}
