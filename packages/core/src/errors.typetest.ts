// Compiled by `npm run typecheck`, never run: pins that a caught error narrows on `kind` to the
// class with that kind's fields, and that `code` lists the contract's codes while accepting new
// ones. If BlauwError stops being a discriminated union, an `@ts-expect-error` below has nothing
// to expect, or a narrowed access no longer compiles, and the typecheck fails.
import { BlauwError, isBlauwError, type ConflictCode } from './errors.js';

declare const caught: unknown;

if (isBlauwError(caught)) {
  // @ts-expect-error only a rate-limited error has retryAfter
  void caught.retryAfter;
  if (caught.kind === 'rate_limited') {
    const seconds: number | undefined = caught.retryAfter;
    void seconds;
  }
  switch (caught.kind) {
    case 'validation':
      void caught.fieldErrors.map((field) => field.pointer);
      break;
    case 'not_found':
      void caught.suggestions;
      break;
    case 'network':
      void caught.offline;
      break;
    case 'conflict': {
      const code: ConflictCode | (string & {}) | undefined = caught.code;
      // Known codes are offered, an unknown one still compiles.
      if (code === 'slot_taken' || code === 'a_code_added_next_year') void code;
      if ('nextSlots' in caught) void caught.nextSlots;
      break;
    }
    default: {
      // @ts-expect-error suggestions belong to not_found alone
      void caught.suggestions;
    }
  }
}

if (caught instanceof BlauwError) {
  // instanceof the base narrows to the same union.
  if (caught.kind === 'timeout') {
    // @ts-expect-error a timeout has no problem code
    const code: string = caught.code;
    void code;
  }
}
