import type { Briefing, BriefingAcknowledgement, BriefingInput, BriefingStatus, Participant } from '@blauw/core';
import type { OfficerGroup } from '../seed/messaging-seed.js';
import type { Clock } from './clock.js';
import { DomainError } from './domain-error.js';
import type { MessagingDirectory } from './messaging.js';
import type { MessagingJournal } from './messaging-journal.js';
import { paginate, type PageRequest, type PageResult } from './pagination.js';
import { formatZoned } from './zoned-time.js';

// Operational briefings: a supervisor publishes one for a team or a shift, for a period; the
// officers concerned see the current ones, unread first, and acknowledge each; the publisher
// follows, per team, who did and who has not. Pure TS: no HTTP, the clock is injected.
//
// Decisions:
// - An officer sees (and may acknowledge) only briefings for their team or shift; any other is not
//   found. The list holds the current ones (validFrom ≤ now < validUntil); a briefing that starts
//   later is not shown yet but may be acknowledged once published, so a tablet that read it on its
//   live stream can say so offline.
// - Acknowledging is idempotent: the first time stores it (201) and tells the publisher's stream;
//   again answers the first acknowledgement (200) and tells nobody.
// - A supervisor's list is the briefings they published that have not ended, newest first.

/** The longest validity of a briefing (31 days). */
export const MAX_BRIEFING_VALIDITY_MS = 31 * 24 * 60 * 60 * 1000;

interface StoredBriefing {
  briefing: Omit<Briefing, 'acknowledgedAt'>;
  /** Officer id → when they acknowledged. */
  acknowledgements: Map<string, string>;
}

/** What {@link BriefingDesk.acknowledge} did: `replayed` when the officer had acknowledged before. */
export interface AcknowledgeOutcome {
  replayed: boolean;
  acknowledgement: BriefingAcknowledgement;
}

/** Options of {@link BriefingDesk}. */
export interface BriefingDeskOptions {
  clock: Clock;
  timeZone: string;
  directory: MessagingDirectory;
  journal: MessagingJournal;
}

/** Briefings and their acknowledgements (see the decisions at the top). */
export class BriefingDesk {
  readonly #clock: Clock;
  readonly #timeZone: string;
  readonly #directory: MessagingDirectory;
  readonly #journal: MessagingJournal;
  #briefings: StoredBriefing[] = [];
  #sequence = 0;

  constructor(options: BriefingDeskOptions) {
    this.#clock = options.clock;
    this.#timeZone = options.timeZone;
    this.#directory = options.directory;
    this.#journal = options.journal;
  }

  /** Forgets every briefing (a reset of the zone). */
  clear(): void {
    this.#briefings = [];
  }

  /**
   * Publishes a briefing for a team or a shift and tells the streams of its officers and of the publisher.
   *
   * @throws DomainError `briefing_audience_unknown` (422), `briefing_validity_invalid` (422).
   */
  publish(publisher: Participant, input: BriefingInput): Briefing {
    const group = this.#group(input.audience);
    if (group === undefined) {
      const pointer = input.audience.kind === 'team' ? '/audience/teamId' : '/audience/shiftId';
      throw new DomainError('unprocessable', 'briefing_audience_unknown', `The zone has no such ${input.audience.kind}.`, [{ pointer, detail: 'Unknown.' }]);
    }
    const from = Date.parse(input.validFrom);
    const until = Date.parse(input.validUntil);
    const now = this.#clock.now().getTime();
    const invalid = (detail: string) =>
      new DomainError('unprocessable', 'briefing_validity_invalid', 'The validity period is not one a briefing may have.', [{ pointer: '/validUntil', detail }]);
    if (until <= from) throw invalid('Must be after validFrom.');
    if (until <= now) throw invalid('Must be in the future.');
    if (until - from > MAX_BRIEFING_VALIDITY_MS) throw invalid('At most 31 days after validFrom.');
    const briefing: Omit<Briefing, 'acknowledgedAt'> = {
      id: `brf-${String(++this.#sequence).padStart(5, '0')}`,
      title: input.title,
      text: input.text,
      priority: input.priority ?? false,
      audience: input.audience.kind === 'team' ? { kind: 'team', teamId: input.audience.teamId } : { kind: 'shift', shiftId: input.audience.shiftId },
      validFrom: formatZoned(from, this.#timeZone),
      validUntil: formatZoned(until, this.#timeZone),
      publishedAt: formatZoned(now, this.#timeZone),
      publishedBy: publisher,
      attachments: input.attachments ?? [],
    };
    this.#briefings.push({ briefing, acknowledgements: new Map() });
    const view: Briefing = { ...briefing, acknowledgedAt: null };
    this.#journal.append('briefing.published', [...group.officerIds, publisher.id], view);
    return view;
  }

  /**
   * The briefings a participant sees: an officer the current ones for their team or shift, not
   * acknowledged first, then urgent first, then newest first; a supervisor those they published
   * that have not ended, newest first.
   */
  list(participant: Participant, page: PageRequest): PageResult<Briefing> {
    const now = this.#clock.now().getTime();
    if (participant.kind === 'supervisor') {
      const mine = this.#briefings
        .filter((stored) => stored.briefing.publishedBy.id === participant.id && Date.parse(stored.briefing.validUntil) > now)
        .reverse()
        .map((stored) => ({ ...stored.briefing, acknowledgedAt: null }));
      return paginate(mine, page);
    }
    const current = this.#briefings
      .filter((stored) => this.#concerns(stored, participant.id) && Date.parse(stored.briefing.validFrom) <= now && now < Date.parse(stored.briefing.validUntil))
      .map((stored, index) => ({ stored, index }))
      .sort((a, b) => {
        const unread = Number(a.stored.acknowledgements.has(participant.id)) - Number(b.stored.acknowledgements.has(participant.id));
        return unread || Number(b.stored.briefing.priority) - Number(a.stored.briefing.priority) || b.index - a.index;
      })
      .map(({ stored }) => ({ ...stored.briefing, acknowledgedAt: stored.acknowledgements.get(participant.id) ?? null }));
    return paginate(current, page);
  }

  /**
   * Records that an officer read a briefing for their team or shift (idempotent).
   *
   * @throws DomainError `briefing_not_found` (404), also for one not for them.
   */
  acknowledge(officerId: string, briefingId: string): AcknowledgeOutcome {
    const stored = this.#briefings.find((candidate) => candidate.briefing.id === briefingId);
    if (stored === undefined || !this.#concerns(stored, officerId)) throw new DomainError('not_found', 'briefing_not_found', `You have no briefing ${briefingId}.`);
    const known = stored.acknowledgements.get(officerId);
    if (known !== undefined) return { replayed: true, acknowledgement: { briefingId, officerId, acknowledgedAt: known } };
    const acknowledgedAt = formatZoned(this.#clock.now(), this.#timeZone);
    stored.acknowledgements.set(officerId, acknowledgedAt);
    const acknowledgement = { briefingId, officerId, acknowledgedAt };
    this.#journal.append('briefing.acknowledged', [stored.briefing.publishedBy.id, officerId], acknowledgement);
    return { replayed: false, acknowledgement };
  }

  /**
   * Who of the officers concerned acknowledged the briefing, per team.
   *
   * @throws DomainError `briefing_not_found` (404).
   */
  status(briefingId: string): BriefingStatus {
    const stored = this.#briefings.find((candidate) => candidate.briefing.id === briefingId);
    const group = stored === undefined ? undefined : this.#group(stored.briefing.audience);
    if (stored === undefined || group === undefined) throw new DomainError('not_found', 'briefing_not_found', `There is no briefing ${briefingId}.`);
    const teams = new Map<string, BriefingStatus['teams'][number]>();
    for (const officerId of group.officerIds) {
      const team = this.#directory.teamOf(officerId) ?? { id: 'team-none', name: 'Zonder team', officerIds: [] };
      const entry = teams.get(team.id) ?? { teamId: team.id, name: team.name, acknowledged: [], pending: [] };
      teams.set(team.id, entry);
      const displayName = this.#directory.get(officerId)?.displayName ?? officerId;
      const at = stored.acknowledgements.get(officerId);
      if (at === undefined) entry.pending.push({ officerId, displayName });
      else entry.acknowledged.push({ officerId, displayName, acknowledgedAt: at });
    }
    const byName = (a: { displayName: string }, b: { displayName: string }) => a.displayName.localeCompare(b.displayName, 'nl');
    return {
      briefingId,
      teams: [...teams.values()]
        .map((team) => ({ ...team, acknowledged: team.acknowledged.sort((a, b) => Date.parse(a.acknowledgedAt) - Date.parse(b.acknowledgedAt)), pending: team.pending.sort(byName) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    };
  }

  #group(audience: Briefing['audience']): OfficerGroup | undefined {
    return audience.kind === 'team' ? this.#directory.teams.find((team) => team.id === audience.teamId) : this.#directory.shifts.find((shift) => shift.id === audience.shiftId);
  }

  #concerns(stored: StoredBriefing, officerId: string): boolean {
    return this.#group(stored.briefing.audience)?.officerIds.includes(officerId) ?? false;
  }
}
