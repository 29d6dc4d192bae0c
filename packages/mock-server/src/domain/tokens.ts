// Manage links and hold ids are capabilities: whoever has one may act on the booking. They come
// from the platform's CSPRNG (globalThis.crypto exists in browsers, service workers and Node 20),
// never from the seeded PRNG, which is predictable by design.

/**
 * An unguessable token: `bytes` random bytes as base64url without padding (32 bytes → 43
 * characters).
 */
export function randomToken(bytes = 32): string {
  const data = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
  let binary = '';
  for (const byte of data) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
