import type { CheckAnswer, CheckAssignment, CheckSubmission, CheckSubmissionInput, CheckType, FieldError, Municipality, Officer } from '@blauw/core';
import { checkAnswers, type CheckAnswerProblem } from '@blauw/core';
import { SEED_CHECK_TYPES } from '../seed/check-types.js';
import { FIRST_NAMES, LAST_NAMES, type ZoneData } from '../seed/zone-seed.js';
import { CheckPhotoStore } from './check-photos.js';
import type { Clock } from './clock.js';
import { DomainError } from './domain-error.js';
import { canonicalJson } from './idempotency.js';
import { paginate, type PageRequest, type PageResult } from './pagination.js';
import { mulberry32, pick, randomInt } from './random.js';
import { addDays, dateInZone, formatZoned, zonedTimeToInstant } from './zoned-time.js';

// Field checks: the check types' form definitions, the officers' assignments, and the submissions,
// which are kept by their client id for good. That is what lets an officer's tablet resend a check
// after eight days offline (long after any Idempotency-Key expired) and get the first answer back
// instead of a second copy. Pure TS: no HTTP, the clock is injected.
//
// Decisions:
// - A hidden field (its `visibleWhen` does not hold) is not required, and an answer sent for it
//   is ignored: dropped from what is stored, never refused. A form may keep the value of a field
//   the officer hid again by changing an earlier answer, and refusing a check that was completed
//   offline for that would leave it stuck in the outbox.
// - An answer to a field the definition version does not have is refused (422): it means the
//   client filled in another version than it says.
// - Submissions are kept for the life of the data: the idempotency store's 24 h TTL never touches
//   them, but `reset` (a dev control that restores the seed) clears them with the assignments
//   they completed, like every other datum. The store is bounded by the assignments: each open
//   assignment accepts one submission.
// - A client id is global: the same id from another officer is refused like a changed body, so
//   nobody learns of another officer's check.
// - A `photo` answer names photos the officer uploaded completely before (the outbox sends them
//   first, in order); an unknown, incomplete or another officer's photo is refused like any wrong
//   answer, with a pointer at the field, and the submission stays in the outbox until it is there.

/** How far in the future a `completedAt` may be (a tablet's clock runs a little fast). */
export const COMPLETED_AT_TOLERANCE_MS = 5 * 60 * 1000;

/** The latest version of each check type, in the order types were first defined. */
export function latestCheckTypes(definitions: readonly CheckType[]): CheckType[] {
  const latest = new Map<string, CheckType>();
  for (const definition of definitions) {
    const known = latest.get(definition.type);
    if (known === undefined || definition.version > known.version) latest.set(definition.type, definition);
  }
  return [...latest.values()];
}

/** Why an answer may not refer to a photo (not uploaded, not completely), or undefined when it may. */
export type PhotoProblem = (photoId: string) => string | undefined;

/** The detail of a problem with an answer, as the problem document words it (the form words it in the officer's language). */
function problemDetail(definition: CheckType, name: string, problem: CheckAnswerProblem): string {
  const field = definition.fields.find((candidate) => candidate.name === name);
  switch (problem.code) {
    case 'unknown_field':
      return `Version ${definition.version} of ${definition.type} has no field ${name}.`;
    case 'required':
      return 'Required.';
    case 'text':
      return 'Expected a text.';
    case 'too_long':
      return `At most ${problem.max} characters.`;
    case 'pattern':
      return 'Not in the expected form.';
    case 'not_an_option':
      return `Expected one of: ${(field?.options ?? []).map((option) => option.value).join(', ')}.`;
    case 'date':
      return 'Expected a date as YYYY-MM-DD.';
    case 'time':
      return 'Expected a time as HH:MM.';
    case 'datetime':
      return 'Expected a date and time with offset, e.g. 2027-03-06T22:15:00+01:00.';
    case 'yes_no':
      return 'Expected true or false.';
    case 'not_attested':
      return 'Must be attested (true).';
    case 'number':
      return 'Expected a number.';
    case 'too_small':
      return `At least ${problem.min}.`;
    case 'too_large':
      return `At most ${problem.max}.`;
    case 'position':
      return 'Expected a position { lat, lon }.';
    case 'photos':
      return 'Expected a list of photo ids.';
    case 'too_many_photos':
      return `At most ${problem.max} photos.`;
  }
}

/** An RFC 6901 pointer to an answer. */
const answerPointer = (name: string) => `/answers/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * Checks answers against one version of a check type (the rules of `@blauw/core`'s
 * `checkAnswers`, which the form checks before sending) and returns what is kept: the answers of
 * the shown fields. Hidden fields are not required and their answers are dropped. With
 * `photoProblem`, every photo id of a `photo` answer is checked with it too.
 *
 * @throws DomainError `check_answers_invalid` (422) with a pointer at every wrong answer.
 */
export function validateAnswers(
  definition: CheckType,
  answers: Readonly<Record<string, CheckAnswer>>,
  photoProblem?: PhotoProblem,
): Record<string, CheckAnswer> {
  const { kept, issues } = checkAnswers(definition, answers);
  const errors: FieldError[] = issues.map(({ field, problem }) => ({ pointer: answerPointer(field), detail: problemDetail(definition, field, problem) }));
  // Photos the desk does not hold completely: the server's own check, after the shared rules.
  for (const field of definition.fields) {
    const value = kept[field.name];
    if (field.kind !== 'photo' || !Array.isArray(value) || photoProblem === undefined) continue;
    const problems = value.map(photoProblem).filter((problem) => problem !== undefined);
    if (problems.length > 0) {
      errors.push({ pointer: answerPointer(field.name), detail: problems.join(' ') });
      delete kept[field.name];
    }
  }
  if (errors.length > 0) throw new DomainError('unprocessable', 'check_answers_invalid', 'Some answers are missing or not valid for this check type.', errors);
  return kept;
}

const ASSIGNMENT_TYPES = ['domicile', 'domicile', 'residence', 'electronic_monitoring'] as const;
const NOTES: Record<string, string> = {
  domicile: 'Aangifte van adreswijziging; bij voorkeur na 17 u.',
  residence: 'Tweede verblijf volgens de aanvraag; buren aan de overkant kennen de familie.',
  electronic_monitoring: 'Thuisuren 20:00–07:00. Melding van het Nationaal Centrum voor Elektronisch Toezicht.',
};

/**
 * The assignments a zone starts with: 12 (or `devOfficerCount`, for load tests) for the first officer (the dev officer) and 2 for the
 * second, at addresses on the streets they cover, about fictional people. Deterministic from the
 * seed and the clock's today in the zone: assigned 1–10 days ago at 08:00, due 1–14 days from
 * today at 18:00; the oldest of the dev officer's is `cancelled`, the others `open`.
 */
export function seedCheckAssignments(data: ZoneData, seed: number, clock: Clock, devOfficerCount = 12): CheckAssignment[] {
  const random = mulberry32(seed ^ 0x0c4ec);
  const today = dateInZone(clock.now(), data.timeZone);
  const at = (date: string, time: string) => formatZoned(zonedTimeToInstant(date, time, data.timeZone), data.timeZone);
  const assignments: CheckAssignment[] = [];
  const forOfficer = (officer: Officer, count: number) => {
    const municipality = data.municipalities.find((candidate) => candidate.id === officer.municipalityId) as Municipality;
    for (let index = 0; index < count; index++) {
      const coverage = pick(random, officer.streets);
      const low = coverage.from ?? 1;
      const high = Math.max(low, coverage.to ?? low + 80);
      let houseNumber = randomInt(random, low, high);
      if (coverage.side === 'even' && houseNumber % 2 === 1) houseNumber = houseNumber + 1 > high ? houseNumber - 1 : houseNumber + 1;
      if (coverage.side === 'odd' && houseNumber % 2 === 0) houseNumber = houseNumber + 1 > high ? houseNumber - 1 : houseNumber + 1;
      const type = ASSIGNMENT_TYPES[index % ASSIGNMENT_TYPES.length] as string;
      const language = municipality.language;
      const birthYear = randomInt(random, 1950, 2004);
      assignments.push({
        id: `chk-${officer.id}-${String(index + 1).padStart(2, '0')}`,
        type,
        officerId: officer.id,
        status: 'open',
        person: {
          givenName: pick(random, FIRST_NAMES[language]),
          familyName: pick(random, LAST_NAMES[language]),
          birthDate: `${birthYear}-${String(randomInt(random, 1, 12)).padStart(2, '0')}-${String(randomInt(random, 1, 28)).padStart(2, '0')}`,
        },
        address: { street: coverage.street, houseNumber: String(Math.max(1, houseNumber)), postalCode: coverage.postalCode, municipality: municipality.name },
        createdAt: at(addDays(today, -randomInt(random, 1, 10)), '08:00'),
        dueBy: at(addDays(today, randomInt(random, 1, 14)), '18:00'),
        note: NOTES[type],
      });
    }
  };
  const [devOfficer, second] = data.officers;
  if (devOfficer !== undefined) forOfficer(devOfficer, devOfficerCount);
  if (second !== undefined) forOfficer(second, 2);
  const mine = assignments.filter((assignment) => assignment.officerId === devOfficer?.id);
  const oldest = mine.reduce<CheckAssignment | undefined>((first, assignment) => (first === undefined || assignment.createdAt < first.createdAt ? assignment : first), undefined);
  if (oldest !== undefined) oldest.status = 'cancelled';
  // Soonest due first, as an officer plans a round.
  return assignments.sort((a, b) => Date.parse(a.dueBy) - Date.parse(b.dueBy) || (a.id < b.id ? -1 : 1));
}

/** What {@link CheckDesk.submit} did: stored a new submission, or recognised a resend of one. */
export interface SubmitOutcome {
  /** `true` when the client id was known with the same body: nothing was stored. */
  replayed: boolean;
  submission: CheckSubmission;
}

interface StoredSubmission {
  officerId: string;
  /** The request body as {@link canonicalJson}, to tell a resend from a changed check. */
  body: string;
  submission: CheckSubmission;
}

/** Options of {@link CheckDesk}. */
export interface CheckDeskOptions {
  clock: Clock;
  timeZone: string;
  assignments: CheckAssignment[];
  /** Every version of every check type. Default: the seeded ones. */
  definitions?: readonly CheckType[] | undefined;
}

/**
 * The checks desk: serves the check types, the officers' assignments, and takes submissions,
 * keeping each by its client id for the life of the data (see the decisions at the top).
 */
export class CheckDesk {
  /** The photos officers uploaded for their checks; a submission's `photo` answers must name complete ones. */
  readonly photos = new CheckPhotoStore();
  readonly #clock: Clock;
  readonly #timeZone: string;
  readonly #definitions: readonly CheckType[];
  #assignments: CheckAssignment[] = [];
  #byId = new Map<string, CheckAssignment>();
  #byClientId = new Map<string, StoredSubmission>();
  #sequence = 0;

  constructor(options: CheckDeskOptions) {
    this.#clock = options.clock;
    this.#timeZone = options.timeZone;
    this.#definitions = options.definitions ?? SEED_CHECK_TYPES;
    this.replace(options.assignments);
  }

  /** Starts over with these assignments, no submissions and no photos (a reset of the zone). */
  replace(assignments: CheckAssignment[]): void {
    this.#assignments = assignments.map((assignment) => structuredClone(assignment));
    this.#byId = new Map(this.#assignments.map((assignment) => [assignment.id, assignment]));
    this.#byClientId.clear();
    this.photos.clear();
  }

  /** The latest version of every check type. */
  listCheckTypes(): CheckType[] {
    return latestCheckTypes(this.#definitions);
  }

  /**
   * One version of a check type.
   *
   * @throws DomainError `check_type_not_found` (404).
   */
  getCheckType(type: string, version: number): CheckType {
    const definition = this.#definitions.find((candidate) => candidate.type === type && candidate.version === version);
    if (definition === undefined) throw new DomainError('not_found', 'check_type_not_found', `There is no version ${version} of check type ${type}.`);
    return definition;
  }

  /** The officer's assignments, soonest due first, optionally only in some statuses. */
  listAssignments(officerId: string, filter: { statuses?: readonly string[] | undefined }, page: PageRequest): PageResult<CheckAssignment> {
    const statuses = filter.statuses ?? [];
    const mine = this.#assignments.filter((assignment) => assignment.officerId === officerId && (statuses.length === 0 || statuses.includes(assignment.status)));
    return paginate(mine, page);
  }

  /**
   * One of the officer's assignments; another officer's is not found, as an unknown one.
   *
   * @throws DomainError `check_assignment_not_found` (404).
   */
  getAssignment(officerId: string, assignmentId: string): CheckAssignment {
    const assignment = this.#byId.get(assignmentId);
    if (assignment === undefined || assignment.officerId !== officerId) {
      throw new DomainError('not_found', 'check_assignment_not_found', `You have no check assignment ${assignmentId}.`);
    }
    return assignment;
  }

  /**
   * Takes a completed check. A client id seen before with the same body answers with the first
   * submission (`replayed`), whenever it comes back; with another body (or from another officer)
   * it is refused. Otherwise the assignment must be the officer's and open, the type its type,
   * the version one that exists, and the answers valid for that version (photos uploaded
 * completely by this officer); then the submission is
   * stored and the assignment becomes `submitted`.
   *
   * @throws DomainError `client_id_reused` (409), `check_assignment_not_found` (404),
   *   `check_assignment_not_open` (409), `check_answers_invalid` (422).
   */
  submit(officerId: string, input: CheckSubmissionInput): SubmitOutcome {
    const body = canonicalJson(input);
    const known = this.#byClientId.get(input.clientId);
    if (known !== undefined) {
      if (known.officerId === officerId && known.body === body) return { replayed: true, submission: known.submission };
      throw new DomainError(
        'conflict',
        'client_id_reused',
        'This client id was already used for another check submission. Send a changed check with a new client id; a resend must be unchanged.',
        [{ pointer: '/clientId', detail: 'Already used with a different submission.' }],
      );
    }
    const assignment = this.getAssignment(officerId, input.assignmentId);
    if (assignment.status !== 'open') {
      throw new DomainError('conflict', 'check_assignment_not_open', `Check assignment ${assignment.id} is ${assignment.status}; it takes no submission.`, [], {
        assignmentStatus: assignment.status,
      });
    }
    const unprocessable = (pointer: string, detail: string, message: string) => new DomainError('unprocessable', 'check_answers_invalid', message, [{ pointer, detail }]);
    if (input.type !== assignment.type) throw unprocessable('/type', `The assignment is a ${assignment.type} check.`, 'The check type is not the assignment’s.');
    const definition = this.#definitions.find((candidate) => candidate.type === input.type && candidate.version === input.definitionVersion);
    if (definition === undefined) {
      throw unprocessable('/definitionVersion', `There is no version ${input.definitionVersion} of ${input.type}.`, 'The check was filled in with a form version this server does not know.');
    }
    const now = this.#clock.now().getTime();
    if (Date.parse(input.completedAt) > now + COMPLETED_AT_TOLERANCE_MS) {
      throw unprocessable('/completedAt', 'Must not be in the future.', 'The check is dated in the future; check the device’s clock.');
    }
    const answers = validateAnswers(definition, input.answers, (photoId) => this.photos.problemWith(officerId, photoId));
    const submission: CheckSubmission = {
      id: `chs-${String(++this.#sequence).padStart(5, '0')}`,
      clientId: input.clientId,
      assignmentId: assignment.id,
      type: input.type,
      definitionVersion: input.definitionVersion,
      answers,
      completedAt: input.completedAt,
      ...(input.position === undefined ? {} : { position: input.position }),
      receivedAt: formatZoned(now, this.#timeZone),
    };
    this.#byClientId.set(input.clientId, { officerId, body, submission });
    assignment.status = 'submitted';
    assignment.submissionId = submission.id;
    return { replayed: false, submission };
  }
}
