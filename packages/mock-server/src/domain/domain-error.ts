import type { FieldError } from '@blauw/core';

/**
 * What kind of rule a request broke; the handlers map each kind to an HTTP status:
 * `invalid` 400, `forbidden` 403, `not_found` 404, `conflict` 409, `unprocessable` 422.
 */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable';

/**
 * A domain rule said no. Carries a machine-readable `code` (the problem's `code`) and, for
 * invalid input, field errors with JSON pointers into the request body. `extensions` become
 * extra members of the problem document (e.g. `nextSlots` of `slot_taken`).
 */
export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly code: string;
  readonly errors: FieldError[];
  readonly extensions: Record<string, unknown>;

  constructor(kind: DomainErrorKind, code: string, message: string, errors: FieldError[] = [], extensions: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.errors = errors;
    this.extensions = extensions;
  }
}
