import type { FieldError } from '@blauw/core';

/** What kind of rule a request broke; the handlers map each kind to an HTTP status. */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict';

/**
 * A domain rule said no. Carries a machine-readable `code` (the problem's `code`) and, for
 * invalid input, field errors with JSON pointers into the request body.
 */
export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly code: string;
  readonly errors: FieldError[];

  constructor(kind: DomainErrorKind, code: string, message: string, errors: FieldError[] = []) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.errors = errors;
  }
}
