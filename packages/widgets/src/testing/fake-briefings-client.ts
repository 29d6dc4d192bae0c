// A stand-in for the SDK's messaging client in browser tests and stories: one fictional police
// zone's briefings held in memory, with an officer's and a supervisor's view on the same data, so
// an acknowledgement made in one widget reaches the other through the fake stream.
import { ForbiddenError, NetworkError, NotFoundError, ValidationError, type Briefing, type BriefingAcknowledgement, type BriefingInput, type BriefingStatus, type ChecksResource, type MessagingClient, type MessagingStreamEvent, type OutboxItem, type Page, type Participant, type StreamState } from '@blauw/core';

/** 07:00 on Wednesday 10 March 2027 in Brussels: the start of the early shift. */
export const BRIEFINGS_NOW = '2027-03-10T06:00:00Z';

/** An officer of the fictional zone. */
export interface FakeOfficer {
  id: string;
  displayName: string;
  teamId: string;
  shiftId: string;
}

/** The zone's teams: Interventie Hamme and Wijk Zele. */
export const TEAMS = [
  { id: 'team-hamme', name: 'Interventie Hamme' },
  { id: 'team-zele', name: 'Wijk Zele' },
];

/** Four officers on two teams; three of them on the early shift. */
export const OFFICERS: FakeOfficer[] = [
  { id: 'o-101', displayName: 'Jan Peeters', teamId: 'team-hamme', shiftId: 'shift-early' },
  { id: 'o-102', displayName: 'An Claes', teamId: 'team-hamme', shiftId: 'shift-early' },
  { id: 'o-103', displayName: 'Sofie Maes', teamId: 'team-zele', shiftId: 'shift-early' },
  { id: 'o-104', displayName: 'Pieter De Smet', teamId: 'team-zele', shiftId: 'shift-late' },
];

/** The supervisor who publishes: `sup-01`, as the mock server's `dev-supervisor`. */
export const SUPERVISOR: Participant = { id: 'sup-01', displayName: 'Commissaris Els Wouters', kind: 'supervisor' };

/** A briefing as stored: without `acknowledgedAt`, which depends on who asks. */
export type StoredBriefing = Omit<Briefing, 'acknowledgedAt'>;

/** A briefing with sensible defaults, for tests. */
export function fakeBriefing(over: Partial<StoredBriefing> & { id: string }): StoredBriefing {
  return {
    title: over.id,
    text: '',
    priority: false,
    audience: { kind: 'team', teamId: 'team-hamme' },
    validFrom: '2027-03-10T05:00:00Z',
    validUntil: '2027-03-11T05:00:00Z',
    publishedAt: '2027-03-10T05:00:00Z',
    publishedBy: SUPERVISOR,
    attachments: [],
    ...over,
  };
}

/** The early shift's briefings at {@link BRIEFINGS_NOW}: an urgent wanted vehicle, a fair's traffic plan, roadworks (Jan Peeters acknowledged it). */
export const SHIFT_BRIEFINGS: StoredBriefing[] = [
  fakeBriefing({
    id: 'br-1',
    title: 'Kermis Hamme: verkeersplan',
    text: 'Marktplein en Kaai afgesloten van 14:00 tot 02:00.\nOmleiding via de Zouavenlaan.\n\nParkeerverbod Kerkstraat.',
    audience: { kind: 'team', teamId: 'team-hamme' },
    validUntil: '2027-03-11T05:00:00Z',
    publishedAt: '2027-03-10T05:00:00Z',
    attachments: [{ title: 'Verkeersplan kermis', url: 'https://intranet.pz-schelde.example/plannen/kermis-hamme.pdf' }],
  }),
  fakeBriefing({
    id: 'br-2',
    title: 'Gesignaleerd voertuig: grijze bestelwagen 1-VQX-482',
    text: 'Betrokken bij inbraken in Zele en Hamme.\nNiet zelf interpelleren: meld aan de dispatching.',
    priority: true,
    audience: { kind: 'shift', shiftId: 'shift-early' },
    validFrom: '2027-03-10T05:30:00Z',
    validUntil: '2027-03-10T17:00:00Z',
    publishedAt: '2027-03-10T05:30:00Z',
    attachments: [{ title: 'Foto bestelwagen', url: 'https://intranet.pz-schelde.example/signalementen/1-VQX-482.jpg' }],
  }),
  fakeBriefing({
    id: 'br-3',
    title: 'Wegenwerken Stationsstraat',
    text: 'Eenrichtingsverkeer richting station tot vrijdag.',
    audience: { kind: 'team', teamId: 'team-hamme' },
    validFrom: '2027-03-10T04:00:00Z',
    validUntil: '2027-03-12T17:00:00Z',
    publishedAt: '2027-03-10T04:00:00Z',
  }),
];

/** Who asks: an officer (by id) or the supervisor. */
export type FakeRole = { officerId: string } | 'supervisor';

/** A controllable stand-in for `EventStream`: tests push events and set its state. */
export class FakeBriefingStream extends EventTarget implements AsyncIterable<MessagingStreamEvent> {
  readonly role: FakeRole;
  #state: StreamState = 'connecting';
  #queue: MessagingStreamEvent[] = [];
  #wake: (() => void) | undefined;
  #failure: unknown;

  constructor(role: FakeRole, signal: AbortSignal | undefined) {
    super();
    this.role = role;
    signal?.addEventListener('abort', () => this.close());
    // Live a moment after opening, as a real connection.
    setTimeout(() => this.state === 'connecting' && this.setState('live'), 0);
  }

  get state(): StreamState {
    return this.#state;
  }

  /** Moves the stream to a state (`reconnecting`, `offline`, `live` …); fires `statechange`. */
  setState(state: StreamState): void {
    if (this.#state === 'stopped' || state === this.#state) return;
    this.#state = state;
    this.dispatchEvent(new Event('statechange'));
    if (state === 'stopped') this.#wake?.();
  }

  /** Delivers an event. */
  push(event: MessagingStreamEvent): void {
    this.#queue.push(event);
    this.#wake?.();
  }

  /** Ends the stream with an error the iterator throws. */
  fail(error: unknown): void {
    this.#failure = error;
    this.setState('stopped');
  }

  close(): void {
    this.setState('stopped');
  }

  async *[Symbol.asyncIterator](): AsyncIterator<MessagingStreamEvent> {
    for (;;) {
      const event = this.#queue.shift();
      if (event) {
        yield event;
        continue;
      }
      if (this.#state === 'stopped') {
        if (this.#failure !== undefined) throw this.#failure;
        return;
      }
      await new Promise<void>((resolve) => (this.#wake = resolve));
      this.#wake = undefined;
    }
  }
}

/** Options of {@link FakeBriefingsServer}. */
export interface FakeBriefingsOptions {
  /** The server's clock (default: pinned at {@link BRIEFINGS_NOW}). */
  now?: () => number;
  briefings?: StoredBriefing[];
  officers?: FakeOfficer[];
  teams?: { id: string; name: string }[];
  /** Acknowledgements already made: briefing id → officer id → instant. */
  acknowledged?: Record<string, Record<string, string>>;
}

/**
 * The zone's briefings held in memory, answering as the mock server does (contract in
 * docs/design/messaging-contract.md). `clientFor(role)` gives a `MessagingClient` for an officer
 * or the supervisor; `failNext` makes the next call of a method throw; `hold` makes `list` wait.
 */
export class FakeBriefingsServer {
  readonly now: () => number;
  readonly briefings: StoredBriefing[];
  readonly officers: FakeOfficer[];
  readonly teams: { id: string; name: string }[];
  readonly acks = new Map<string, Map<string, string>>();
  readonly streams: FakeBriefingStream[] = [];
  /** Every call, as `method role`, e.g. `acknowledge o-101`. */
  readonly calls: string[] = [];
  /** Every acknowledgement that reached the server, first or again, as `briefing officer` (e.g. `br-1 o-101`). */
  readonly deliveries: string[] = [];
  /** While `true`, `list` answers offline too, as a page's service worker answers a GET from its cache. */
  listsOffline = false;
  /** While `true`, the server cannot be reached (the stream aside), whatever `navigator.onLine` says. */
  offline = false;
  #failures = new Map<string, unknown[]>();
  #held: (() => void)[] | undefined;
  #counter = 0;
  #eventId = 0;

  constructor(options: FakeBriefingsOptions = {}) {
    const now = Date.parse(BRIEFINGS_NOW);
    this.now = options.now ?? (() => now);
    this.briefings = (options.briefings ?? SHIFT_BRIEFINGS).map((item) => ({ ...item }));
    this.officers = options.officers ?? OFFICERS;
    this.teams = options.teams ?? TEAMS;
    for (const [briefingId, byOfficer] of Object.entries(options.acknowledged ?? { 'br-3': { 'o-101': '2027-03-10T05:20:00Z' } })) {
      this.acks.set(briefingId, new Map(Object.entries(byOfficer)));
    }
  }

  /** Makes the next call of `method` (`list`, `acknowledge`, `status`, `publish`, `stream`) throw `error`. */
  failNext(method: string, error: unknown): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), error]);
  }

  /** Makes `list` calls wait until `release()`, to see the loading state. */
  hold(): void {
    this.#held ??= [];
  }

  release(): void {
    const held = this.#held ?? [];
    this.#held = undefined;
    for (const resolve of held) resolve();
  }

  /** The streams open for a role now. */
  openStreams(role: FakeRole): FakeBriefingStream[] {
    return this.streams.filter((stream) => stream.state !== 'stopped' && sameRole(stream.role, role));
  }

  /** Publishes as the supervisor (what `client.briefings.publish` does), pushing `briefing.published`. */
  publish(input: BriefingInput): Briefing {
    const stored: StoredBriefing = {
      id: `br-new-${++this.#counter}`,
      title: input.title,
      text: input.text,
      priority: input.priority ?? false,
      audience: input.audience,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      publishedAt: new Date(this.now()).toISOString(),
      publishedBy: SUPERVISOR,
      attachments: input.attachments ?? [],
    };
    this.briefings.push(stored);
    for (const stream of this.streams) {
      if (stream.role === 'supervisor' || this.#concerns(stored, stream.role.officerId)) stream.push({ type: 'briefing.published', id: this.#nextId(), briefing: { ...stored, acknowledgedAt: null } });
    }
    return { ...stored, acknowledgedAt: null };
  }

  /** Acknowledges as an officer (what their client does), pushing `briefing.acknowledged`. */
  acknowledgeAs(officerId: string, briefingId: string): { acknowledgement: BriefingAcknowledgement; first: boolean } {
    const briefing = this.briefings.find((item) => item.id === briefingId);
    if (!briefing || !this.#concerns(briefing, officerId)) throw new NotFoundError('No such briefing for you.', problem(404, 'briefing_not_found'));
    this.deliveries.push(`${briefingId} ${officerId}`);
    const byOfficer = this.acks.get(briefingId) ?? new Map<string, string>();
    this.acks.set(briefingId, byOfficer);
    const earlier = byOfficer.get(officerId);
    const acknowledgedAt = earlier ?? new Date(this.now()).toISOString();
    byOfficer.set(officerId, acknowledgedAt);
    const acknowledgement = { briefingId, officerId, acknowledgedAt };
    if (earlier === undefined) {
      for (const stream of this.streams) {
        if (stream.role === 'supervisor' || sameRole(stream.role, { officerId })) stream.push({ type: 'briefing.acknowledged', id: this.#nextId(), acknowledgement });
      }
    }
    return { acknowledgement, first: earlier === undefined };
  }

  /** Who acknowledged a briefing, per team (what `client.briefings.status` answers). */
  statusOf(briefingId: string): BriefingStatus {
    const briefing = this.briefings.find((item) => item.id === briefingId);
    if (!briefing) throw new NotFoundError('No such briefing.', problem(404, 'briefing_not_found'));
    const acks = this.acks.get(briefingId) ?? new Map<string, string>();
    const concerned = this.officers.filter((officer) => this.#concerns(briefing, officer.id));
    const teams = this.teams
      .map((team) => {
        const members = concerned.filter((officer) => officer.teamId === team.id);
        return {
          teamId: team.id,
          name: team.name,
          acknowledged: members
            .filter((officer) => acks.has(officer.id))
            .map((officer) => ({ officerId: officer.id, displayName: officer.displayName, acknowledgedAt: acks.get(officer.id)! }))
            .sort((a, b) => Date.parse(a.acknowledgedAt) - Date.parse(b.acknowledgedAt)),
          pending: members.filter((officer) => !acks.has(officer.id)).map((officer) => ({ officerId: officer.id, displayName: officer.displayName })),
          size: members.length,
        };
      })
      .filter((team) => team.size > 0)
      .map(({ size: _size, ...team }) => team)
      .sort((a, b) => a.name.localeCompare(b.name));
    return { briefingId, teams };
  }

  /**
   * A `checks` resource for `FieldDevice.open(…)`, signed in as `role`: its `sendQueued` delivers
   * the outbox's acknowledgements here (as `acknowledge` calls, offline and `failNext` included),
   * so a real device drains into the fake.
   */
  checksFor(role: FakeRole): ChecksResource {
    const call = this.#caller(role);
    return {
      sendQueued: async (item: OutboxItem): Promise<number> => {
        const match = /^briefings\/([^/]+)\/acknowledgements$/.exec(item.request.path);
        if (!match) throw new Error(`The fake delivers acknowledgements only, not ${item.request.path}.`);
        await call('acknowledge');
        if (role === 'supervisor') throw new ForbiddenError('Only officers acknowledge briefings.', problem(403, 'forbidden'));
        return this.acknowledgeAs(role.officerId, decodeURIComponent(match[1]!)).first ? 201 : 200;
      },
    } as unknown as ChecksResource;
  }

  #caller(role: FakeRole): (method: string) => Promise<void> {
    return async (method: string) => {
      this.calls.push(`${method} ${role === 'supervisor' ? 'supervisor' : role.officerId}`);
      await Promise.resolve();
      const failure = this.#failures.get(method)?.shift();
      if (failure !== undefined) throw failure;
      if (method !== 'stream' && !(method === 'list' && this.listsOffline) && (this.offline || !navigator.onLine)) throw new NetworkError('The server could not be reached.', { offline: true });
    };
  }

  /** A client as `createMessagingClient` gives it, signed in as `role`. */
  clientFor(role: FakeRole): MessagingClient {
    const call = this.#caller(role);
    const list = async (options: { signal?: AbortSignal } = {}): Promise<Page<Briefing>> => {
      if (this.#held) await new Promise<void>((resolve) => this.#held!.push(resolve));
      await call('list');
      options.signal?.throwIfAborted();
      return { items: this.#listFor(role), nextCursor: null };
    };
    const briefings = {
      list,
      acknowledge: async ({ briefingId }: { briefingId: string }) => {
        await call('acknowledge');
        if (role === 'supervisor') throw new ForbiddenError('Only officers acknowledge briefings.', problem(403, 'forbidden'));
        return this.acknowledgeAs(role.officerId, briefingId).acknowledgement;
      },
      acknowledgeRequest: ({ briefingId }: { briefingId: string }) => ({ method: 'POST' as const, path: `briefings/${encodeURIComponent(briefingId)}/acknowledgements`, body: {} }),
      publish: async (input: BriefingInput) => {
        await call('publish');
        if (role !== 'supervisor') throw new ForbiddenError('Only supervisors publish briefings.', problem(403, 'forbidden'));
        const known = input.audience.kind === 'team' ? this.teams.some((team) => input.audience.kind === 'team' && team.id === input.audience.teamId) : this.officers.some((officer) => input.audience.kind === 'shift' && officer.shiftId === input.audience.shiftId);
        if (!known) throw new ValidationError('No such team or shift.', problem(422, 'briefing_audience_unknown'));
        if (Date.parse(input.validUntil) <= Date.parse(input.validFrom)) throw new ValidationError('The validity is not valid.', problem(422, 'briefing_validity_invalid'));
        return this.publish(input);
      },
      status: async ({ briefingId }: { briefingId: string }) => {
        await call('status');
        if (role !== 'supervisor') throw new ForbiddenError('Only supervisors follow briefings.', problem(403, 'forbidden'));
        return this.statusOf(briefingId);
      },
    };
    const messaging = {
      stream: (options: { signal?: AbortSignal } = {}) => {
        const stream = new FakeBriefingStream(role, options.signal);
        this.streams.push(stream);
        this.calls.push(`stream ${role === 'supervisor' ? 'supervisor' : role.officerId}`);
        const failure = this.#failures.get('stream')?.shift();
        if (failure !== undefined) queueMicrotask(() => stream.fail(failure));
        return stream;
      },
    };
    return { briefings, messaging } as unknown as MessagingClient;
  }

  #listFor(role: FakeRole): Briefing[] {
    const now = this.now();
    if (role === 'supervisor') {
      return this.briefings
        .filter((item) => item.publishedBy.id === SUPERVISOR.id && now < Date.parse(item.validUntil))
        .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))
        .map((item) => ({ ...item, acknowledgedAt: null }));
    }
    return this.briefings
      .filter((item) => this.#concerns(item, role.officerId) && Date.parse(item.validFrom) <= now && now < Date.parse(item.validUntil))
      .map((item) => ({ ...item, acknowledgedAt: this.acks.get(item.id)?.get(role.officerId) ?? null }))
      .sort(
        (a, b) =>
          Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null) || Number(b.priority) - Number(a.priority) || Date.parse(b.publishedAt) - Date.parse(a.publishedAt),
      );
  }

  #concerns(briefing: StoredBriefing, officerId: string): boolean {
    const officer = this.officers.find((item) => item.id === officerId);
    if (!officer) return false;
    return briefing.audience.kind === 'team' ? briefing.audience.teamId === officer.teamId : briefing.audience.shiftId === officer.shiftId;
  }

  #nextId(): string {
    this.#eventId += 1;
    return String(this.#eventId);
  }
}

const problem = (status: number, code: string) => ({ status, problem: { type: 'about:blank', title: code, status, code } });

const sameRole = (a: FakeRole, b: FakeRole): boolean => (a === 'supervisor' || b === 'supervisor' ? a === b : a.officerId === b.officerId);
