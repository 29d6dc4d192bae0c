import type { FieldError } from '@blauw/core';
import type { z } from 'zod/mini';
import { toJsonPointer } from './problem.js';

// zod/mini ships without locale messages ("Invalid input"), so field errors are described here,
// in words a developer reading a problem document can act on.

const FORMATS: Record<string, string> = {
  date: 'a date as YYYY-MM-DD',
  datetime: 'an ISO 8601 date-time with offset',
  email: 'an e-mail address',
  regex: 'a value in the expected format',
};

/** Describes one zod issue in a sentence. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `Required (${issue.expected}).` : `Expected ${issue.expected}.`;
    case 'invalid_format':
      return `Expected ${FORMATS[issue.format] ?? issue.format}.`;
    case 'too_small':
      return issue.origin === 'string'
        ? `Must be at least ${String(issue.minimum)} character${issue.minimum === 1 ? '' : 's'}.`
        : `Must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Must be at most ${String(issue.maximum)} characters.`
        : `Must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}.`;
    case 'invalid_value':
      return `Expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}.`;
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}.`;
    default:
      return 'Not valid.';
  }
}

/** Turns a zod error into problem field errors; `prefix` is e.g. `/query` for query parameters. */
export function fieldErrors(error: z.core.$ZodError, prefix: string): FieldError[] {
  return error.issues.map((issue) => ({ pointer: toJsonPointer(issue.path, prefix) || '/', detail: describeIssue(issue) }));
}
