import type { Session } from '@blauw/core';

/** Who may call a route: anyone (citizens, anonymous or signed in), any officer, or supervisors only. */
export type AuthRequirement = 'none' | 'officer' | 'supervisor';

/** Who sent a request, as far as the bearer token tells. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'session'; token: string; session: Session }
  /** A token was sent but we do not know it (expired, mistyped): always 401. */
  | { kind: 'invalid' };

/** Reads the `Authorization` header against the known bearer tokens. */
export function authenticate(tokens: ReadonlyMap<string, Session>, authorization: string | null): Principal {
  if (authorization === null || authorization.trim() === '') return { kind: 'anonymous' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
  const token = match?.[1];
  if (token === undefined) return { kind: 'invalid' };
  const session = tokens.get(token);
  return session ? { kind: 'session', token, session } : { kind: 'invalid' };
}

/**
 * Whether a principal may call a route. `unauthenticated` maps to 401, `forbidden` to 403.
 * Supervisors may do everything officers may; a signed-in citizen only what anyone may.
 */
export function authorize(principal: Principal, requirement: AuthRequirement): 'ok' | 'unauthenticated' | 'forbidden' {
  if (principal.kind === 'invalid') return 'unauthenticated';
  if (requirement === 'none') return 'ok';
  if (principal.kind === 'anonymous') return 'unauthenticated';
  if (principal.session.role === 'citizen') return 'forbidden';
  if (requirement === 'supervisor' && principal.session.role !== 'supervisor') return 'forbidden';
  return 'ok';
}

/** A stable name for the caller, used to scope idempotency keys. */
export function principalId(principal: Principal): string {
  return principal.kind === 'session' ? `token:${principal.token}` : 'anonymous';
}
