import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  createBookingClient,
  type Address,
  type BlauwError,
  type Booking,
  type BookingClient,
  type DayPart,
  type HomeVisitRequest,
  type Locale,
  type Managed,
  type Office,
  type OfficerForAddress,
  type Slot,
  type SlotHold,
  type Topic,
} from '@blauw/core';
import { ClientController } from '../shared/client-context.js';
import { ClientTask } from '../shared/client-task.js';
import { LocaleController } from '../shared/locale-controller.js';
import { errorMessageKey } from '../shared/messages.js';
import { NetworkStatus } from '../shared/network-status.js';
import { toBlauwError } from '../shared/to-blauw-error.js';
import { styles } from './booking-calendar.styles.js';
import { addDays, addMonths, dayForKey, monthRange, monthWeeks, today } from './date-grid.js';
import { messages } from './messages.js';

/** Detail of `blauw-booked`: the new booking (with its `manageToken`), its topic and office. */
export interface BookedDetail {
  booking: Booking;
  topic: Topic;
  /** The office of the booked slot; `undefined` only when the office list could not be loaded. */
  office: Office | undefined;
}
/** Detail of `blauw-rescheduled`: the booking as it is now. */
export interface RescheduledDetail {
  managed: Managed;
}
/** Detail of `blauw-cancelled`: the cancelled booking or home-visit request. */
export interface CancelledDetail {
  managed: Managed;
}
/** Detail of `blauw-visit-requested`: the new request (with its `manageToken`). */
export interface VisitRequestedDetail {
  visit: HomeVisitRequest;
}
/** Detail of `blauw-error`: a failure the citizen was told about that is not theirs to fix. */
export interface BookingErrorDetail {
  error: BlauwError;
}

type View = 'topic' | 'where' | 'when' | 'details' | 'done' | 'visit' | 'visited' | 'manage' | 'cancel';
type Key = Parameters<LocaleController<keyof (typeof messages)['nl']>['t']>[0];
type Form = typeof emptyForm;

const emptyForm = {
  name: '',
  email: '',
  phone: '',
  facts: '',
  language: '',
  postalCode: '',
  street: '',
  houseNumber: '',
  box: '',
  municipality: '',
  reason: '',
};
const DAY_PARTS = ['morning', 'afternoon', 'evening'] as const;
const PHONE = '\\+?[0-9 ()./\\-]{6,20}';
interface FieldOptions {
  auto?: string;
  type?: string;
  pattern?: string;
  mode?: string;
  optional?: boolean;
  /** A textarea (always required) instead of an input. */
  area?: boolean;
}
const POSTAL_CODE: FieldOptions = { pattern: '[1-9][0-9]{3}', auto: 'postal-code', mode: 'numeric' };
const STREET: FieldOptions = { auto: 'address-line1' };
const OPTIONAL: FieldOptions = { optional: true };
const AREA: FieldOptions = { area: true };
const LANGUAGE_NAMES = { nl: 'Nederlands', fr: 'Français', de: 'Deutsch', en: 'English' };
const address = (a: Address) => `${a.street} ${a.houseNumber}${a.box ? ` / ${a.box}` : ''}, ${a.postalCode} ${a.municipality}`;

/**
 * Lets a citizen book a meeting with their neighbourhood officer, or ask for a home visit, in at
 * most four steps: topic, place (an office, or their own officer found from their address), day
 * and time, details. A confirmation gives an `.ics` file and a manage link (this page with
 * `?blauw-manage=<token>`) through which the same element shows, moves or cancels the booking.
 *
 * Script-tag use: `<blauw-booking-calendar api="https://api.zone.example/v1" lang="fr">`.
 * Times are shown in the office's time zone, in Belgian formats. Nothing is stored in the
 * browser (no cookies, no storage); the manage token lives in the link only.
 *
 * @tag blauw-booking-calendar
 * @summary Appointment booking with a police zone's neighbourhood officers.
 *
 * @attribute lang - `nl`, `fr`, `de` or `en`; else the nearest `[lang]`, else `nl`.
 *
 * @fires {CustomEvent<BookedDetail>} blauw-booked - A meeting was booked.
 * @fires {CustomEvent<RescheduledDetail>} blauw-rescheduled - A booking was moved to another time.
 * @fires {CustomEvent<CancelledDetail>} blauw-cancelled - A booking or home-visit request was cancelled.
 * @fires {CustomEvent<VisitRequestedDetail>} blauw-visit-requested - A home visit was requested.
 * @fires {CustomEvent<BookingErrorDetail>} blauw-error - A write failed for a reason other than the citizen's input or a taken slot.
 *
 * @csspart step - The current step.
 * @csspart heading - The step's heading (focused when the step changes).
 * @csspart progress - "Step 2 of 4", inside the heading.
 * @csspart topic - A topic card.
 * @csspart office - An office card.
 * @csspart date-grid - The month grid.
 * @csspart day - A day button in the grid.
 * @csspart time - A free time.
 * @csspart button - Every button and button-like link.
 * @csspart primary-button - The button that moves the flow forward.
 * @csspart field - A form field with its label and message.
 * @csspart error-summary - The list of fields to correct, shown on submit.
 * @csspart alert - A failure message.
 * @csspart offline - The offline banner.
 * @csspart skeleton - A placeholder while loading.
 * @csspart confirmation - The summary of a booking or request.
 *
 * @cssprop [--blauw-accent=#1f4e9c] - Primary buttons, selected day, free days, links.
 * @cssprop [--blauw-on-accent=#ffffff] - Text on the accent colour.
 * @cssprop [--blauw-text=#1a1a1a] - Body text.
 * @cssprop [--blauw-muted=#595959] - Hints, days without free times.
 * @cssprop [--blauw-surface=#ffffff] - Background of cards and fields.
 * @cssprop [--blauw-border=#767676] - Borders of cards and fields.
 * @cssprop [--blauw-danger=#b3261e] - Error messages and invalid fields.
 * @cssprop [--blauw-success=#1e6b34] - Confirmation headings.
 * @cssprop [--blauw-focus-ring=var(--blauw-accent)] - Keyboard focus outline.
 * @cssprop [--blauw-radius=0.375rem] - Corner radius.
 * @cssprop [--blauw-font-family=inherit] - Font.
 */
export class BlauwBookingCalendar extends LitElement {
  static override styles = styles;
  // Declared here rather than with @property/@state: the decorators' runtime costs ≈ 0.35 kB
  // min+gzip of the CDN bundle. Internal state says `attribute: false` for the manifest's sake.
  static override properties = {
    api: {},
    client: { attribute: false },
    topic: {},
    office: {},
    officer: {},
    manageToken: { attribute: 'manage-token' },
    view: { state: true, attribute: false },
    notCovered: { state: true, attribute: false },
    month: { state: true, attribute: false },
    fday: { state: true, attribute: false },
    day: { state: true, attribute: false },
    taken: { state: true, attribute: false },
    errs: { state: true, attribute: false },
    err: { state: true, attribute: false },
    parts: { state: true, attribute: false },
  };

  /** Base URL of the zone's API (e.g. `https://api.zone.example/v1`), for script-tag use. */
  api?: string;
  /** A client from `@blauw/core` (`createClient` or `createBookingClient`); wins over `api` and a provider. */
  client?: BookingClient;
  /** Id of a topic to preselect: the topic step is skipped. */
  topic?: string;
  /** Id of an office to preselect (with `topic`, the flow starts at the date). */
  office?: string;
  /** Id of an officer to preselect, like `office`. */
  officer?: string;
  /** A manage token: shows that booking or home-visit request instead of a new booking. Defaults to the page's `?blauw-manage=` parameter. */
  manageToken?: string;

  // Reactive state has plain (short) names, as Lit needs; everything else is `#private`, which the
  // minifier shortens to one or two letters (TypeScript `private` names ship in full).
  private view: View = 'topic';
  #tid: string | undefined;
  #oid: string | undefined;
  #ofid: string | undefined;
  #found: OfficerForAddress | undefined;
  private notCovered = false;
  private month = '';
  private fday = '';
  private day: string | undefined;
  #chosen: Slot | undefined;
  #tz = '';
  #hold: SlotHold | undefined;
  private taken: readonly Slot[] | undefined;
  private errs: string[] = [];
  private err: BlauwError | undefined;
  #booking: Booking | undefined;
  #visit: HomeVisitRequest | undefined;
  #managed: Managed | undefined;
  #flash: 'moved' | 'gone' | undefined;
  private parts: DayPart[] = [];
  #re = false;
  #busy = false;
  #focusFirst = false;
  #focusDay = '';
  // What the citizen typed, kept across steps and failures (never stored anywhere else).
  readonly #d: Form = { ...emptyForm };

  readonly #locale = new LocaleController(this, messages);
  readonly #resolved = new ClientController<BookingClient>(this, {
    language: () => this.#locale.language,
    create: createBookingClient,
  });
  readonly #network = new NetworkStatus(this, {
    onOnline: () => {
      for (const task of this.#tasks) if (task.status === 'error') void task.retry();
    },
  });
  readonly #topics = new ClientTask(this, {
    client: this.#resolved,
    args: () => (this.#token ? undefined : ([] as const)),
    task: (client, _, { signal }) => client.booking.topics({ signal }),
  });
  readonly #offices = new ClientTask(this, {
    client: this.#resolved,
    args: () => (this.#token ? undefined : ([] as const)),
    task: (client, _, { signal }) => client.booking.offices({ signal }),
  });
  // One month per request; moving to another month aborts the previous one.
  readonly #avail = new ClientTask(this, {
    client: this.#resolved,
    args: () => (this.view === 'when' && this.#tid && this.month ? ([this.#tid, this.#oid, this.#ofid, this.month] as const) : undefined),
    task: (client, [topicId, officeId, officerId, month], { signal }) => {
      const [from, to] = monthRange(month);
      return client.booking.availability({ topicId, from, to, signal, ...(officerId ? { officerId } : { officeId }) });
    },
  });
  readonly #manage = new ClientTask(this, {
    client: this.#resolved,
    args: () => (this.#token ? ([this.#token] as const) : undefined),
    task: (client, [manageToken], { signal }) => client.booking.manage({ manageToken, signal }),
  });
  readonly #tasks = [this.#topics, this.#offices, this.#avail, this.#manage];

  get #token(): string | undefined {
    return this.manageToken || new URLSearchParams(location.search).get('blauw-manage') || undefined;
  }

  get #m(): Managed | undefined {
    return this.#managed ?? this.#manage.value;
  }

  get #tp(): Topic | undefined {
    return this.#m?.topic ?? this.#topics.value?.items.find((topic) => topic.id === this.#tid);
  }

  get #of(): Office | undefined {
    const id = this.#chosen?.officeId ?? this.#oid ?? this.#avail.value?.officeId;
    return this.#m?.office ?? this.#found?.office ?? this.#offices.value?.items.find((office) => office.id === id);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) {
      this.#tid = this.topic;
      this.#oid = this.office;
      this.#ofid = this.officer;
      this.view = this.#token ? 'manage' : !this.topic ? 'topic' : this.office || this.officer ? 'when' : 'where';
    } else if (changed.has('manageToken') && this.manageToken) this.view = 'manage';
    this.month ||= today(this.#of?.timeZone ?? 'Europe/Brussels').slice(0, 7);
    // On entering the date step, the first day with free times gets the focus once its month is in.
    const month = this.#avail.value;
    if (this.#focusFirst && this.#avail.status === 'ready' && month?.from.startsWith(this.month)) {
      this.#focusFirst = false;
      this.fday = month.days.find((day) => day.slots.length)?.date ?? '';
      this.#focusDay = this.fday || 'nf';
    }
  }

  protected override updated(changed: PropertyValues): void {
    // Focus follows the flow, but never on first render: the page, not the widget, owns focus then.
    if (changed.get('view') !== undefined) this.#q('h2')?.focus();
    if (this.errs.length && changed.has('errs')) this.#q('[part=error-summary]')?.focus();
    if (this.#focusDay) this.#q(this.#focusDay === 'nf' ? '#nf' : `[data-day="${this.#focusDay}"]`)?.focus();
    this.#focusDay = '';
  }

  protected override render() {
    const { t } = this.#locale;
    const view = this.view;
    const steps = this.#steps();
    const n = steps.indexOf(view) + 1;
    const back = (n > 1 || this.#re || view === 'cancel') && view !== 'manage';
    const views: Record<View, () => unknown> = {
      topic: this.#topicView,
      where: this.#whereView,
      when: this.#whenView,
      details: this.#detailsView,
      done: this.#doneView,
      visit: this.#visitView,
      visited: this.#visitedView,
      manage: this.#manageView,
      cancel: this.#cancelView,
    };
    return html`
      ${this.#network.online ? nothing : html`<p part="offline" class="banner" role="status">${t('offline')}</p>`}
      <section part="step" aria-busy=${this.#tasks.some((task) => task.status === 'loading')} class=${view}>
        <h2 part="heading" tabindex="-1" id="h">
          ${n ? html`<span part="progress">${t('step', { n, total: steps.length })}</span> ` : nothing}${t(view === 'visit' ? view : `${view}H`)}
        </h2>
        ${this.errs.length
          ? html`<div part="error-summary" role="alert" tabindex="-1">
              <p>${t('errors')}</p>
              <ul>
                ${this.errs.map((name) => html`<li><a href="#${name}" @click=${(e: Event) => this.#focusField(e, name)}>${this.#errText(name)}</a></li>`)}
              </ul>
            </div>`
          : nothing}
        ${this.err ? this.#alert(this.err) : nothing} ${views[view].call(this)}
        ${back ? this.#button('back', this.#back, 'back') : nothing}
      </section>
    `;
  }

  #steps(): View[] {
    if (this.#m) return [];
    const flow: View[] = this.view === 'visit' ? ['topic', 'where', 'visit'] : ['topic', 'where', 'when', 'details'];
    return flow.filter((step) => !(step === 'topic' && this.topic) && !(step === 'where' && (this.office || this.officer)));
  }

  #topicView(): unknown {
    const { t, format, language } = this.#locale;
    return this.#load(this.#topics, (page) =>
      page.items.length
        ? html`<form novalidate @submit=${(e: Event) => this.#next(e, 'where')}>
            <div role="radiogroup" aria-labelledby="h" class="cards">
              ${page.items.map((topic, i) =>
                this.#card(
                  'topic',
                  i,
                  topic.name[language],
                  html`${t('min', { n: topic.durationMinutes })}. ${topic.description[language]}
                  ${topic.bring.length ? html`<br />${t('bringList', { items: format.list(topic.bring.map((item) => item[language])) })}` : nothing}`,
                  topic.id === this.#tid,
                  () => (this.#tid = topic.id),
                ),
              )}
            </div>
            ${this.#primary('next')}
          </form>`
        : html`<p>${t('noTopics')}</p>`,
    );
  }

  #whereView(): unknown {
    const { t } = this.#locale;
    return html`
      ${this.#load(
        this.#offices,
        (page) =>
          page.items.length
            ? html`<form novalidate @submit=${(e: Event) => this.#next(e, 'when', true)}>
                <h3 id="oh">${t('offices')}</h3>
                <div role="radiogroup" aria-labelledby="oh" class="cards">
                  ${page.items.map((office, i) =>
                    this.#card('office', i, office.name, address(office.address), office.id === this.#oid, () => (this.#oid = office.id)),
                  )}
                </div>
                ${this.#primary('next')}
              </form>`
            : html`<p>${t('noOffices')}</p>`,
        2,
      )}
      <form novalidate @submit=${this.#findOfficer} @input=${this.#input}>
        <h3>${t('address')}</h3>
        ${this.notCovered ? html`<p part="alert" role="alert">${t('notCovered')}</p>` : nothing}
        <div class="row">${this.#field('postalCode', POSTAL_CODE)} ${this.#field('street', STREET)} ${this.#field('houseNumber')}</div>
        <button part="button">${t('find')}</button>
      </form>
      ${this.#tp?.homeVisit ? html`<h3>${t('visitAsk')}</h3> ${this.#button('visit', () => this.#go('visit'))}` : nothing}
    `;
  }

  #whenView(): unknown {
    const { t, format } = this.#locale;
    const task = this.#avail;
    if (task.status === 'error') return this.#alert(task.error!, () => task.retry());
    const value = task.value;
    const loaded = value?.from.startsWith(this.month) && task.status === 'ready' ? value : undefined;
    const free = new Set(loaded?.days.filter((day) => day.slots.length).map((day) => day.date));
    const [first] = monthRange(this.month);
    const tab = this.fday.startsWith(this.month) ? this.fday : ([...free][0] ?? first);
    const slots = loaded?.days.find((day) => day.date === this.day)?.slots ?? [];
    const month = (count: number) => () => this.#goto(addMonths(tab, count), false);
    return html`
      <div class="month">
        <button type="button" part="button" aria-label=${t('prev')} @click=${month(-1)}>‹</button>
        <h3 id="mh" aria-live="polite">${format.day(first, { month: 'long', year: 'numeric' })}</h3>
        <button type="button" part="button" aria-label=${t('nextMonth')} @click=${month(1)}>›</button>
      </div>
      <table role="grid" part="date-grid" aria-labelledby="mh" aria-busy=${!loaded} @keydown=${this.#gridKey}>
        <thead>
          <tr>
            ${[0, 1, 2, 3, 4, 5, 6].map((i) => {
              const monday = addDays('2024-01-01', i);
              return html`<th scope="col" abbr=${format.day(monday, { weekday: 'long' })}>${format.day(monday, { weekday: 'short' })}</th>`;
            })}
          </tr>
        </thead>
        <tbody>
          ${monthWeeks(this.month).map(
            (week) =>
              html`<tr>
                ${week.map((day) => {
                  if (!day) return html`<td></td>`;
                  const none = loaded && !free.has(day);
                  return html`<td aria-selected=${day === this.day}>
                    <button
                      type="button"
                      part="day"
                      data-day=${day}
                      tabindex=${day === tab ? 0 : -1}
                      aria-disabled=${ifDefined(loaded && !none ? undefined : 'true')}
                      aria-label=${none ? `${format.day(day)}, ${t('noTimes')}` : format.day(day)}
                      @click=${() => !none && loaded && ((this.day = day), (this.fday = day), (this.#chosen = undefined))}
                    >
                      ${+day.slice(8)}
                    </button>
                  </td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
      ${loaded && !free.size
        ? html`<p part="status">${t('emptyMonth')}</p>
            ${loaded.nextFreeDate
              ? html`<button type="button" part="button" id="nf" @click=${() => this.#goto(loaded.nextFreeDate!)}>
                  ${t('nextFree', { date: format.day(loaded.nextFreeDate) })}
                </button>`
              : html`<p>${t('noneFree')}</p>`}`
        : nothing}
      <form novalidate @submit=${this.#chooseTime}>
        ${slots.length
          ? html`<div role="radiogroup" aria-labelledby="th" class="times">
              <p id="th">${t('times', { date: format.day(this.day!) })}</p>
              ${slots.map((slot, i) => this.#time(slot, loaded!.timeZone, i))}
            </div>`
          : nothing}
        ${this.#takenBlock()} ${this.#primary(this.#re ? 'reschedule' : 'next')}
      </form>
    `;
  }

  #detailsView(): unknown {
    const topic = this.#tp;
    return html`
      <p class="recap">${topic?.name[this.#locale.language]} — ${this.#chosen && this.#dateTime(this.#chosen.start, this.#tz)}, ${this.#of?.name}</p>
      <form novalidate @submit=${this.#book} @input=${this.#input}>
        ${this.#takenBlock()} ${this.#person()} ${topic?.asksFacts ? this.#field('facts', AREA) : nothing} ${this.#primary('book')}
      </form>
    `;
  }

  #visitView(): unknown {
    const { t } = this.#locale;
    const bad = this.errs.includes('dayParts');
    return html`
      <form novalidate @submit=${this.#requestVisit} @input=${this.#input}>
        <div class="row">
          ${this.#field('street', STREET)} ${this.#field('houseNumber')} ${this.#field('box', OPTIONAL)} ${this.#field('postalCode', POSTAL_CODE)}
          ${this.#field('municipality', { auto: 'address-level2' })}
        </div>
        <fieldset part="field" aria-describedby=${ifDefined(bad ? 'dayParts-e' : undefined)}>
          <legend>${t('dayParts')}</legend>
          ${bad ? html`<p class="err" id="dayParts-e">${t('e.dayParts')}</p>` : nothing}
          ${DAY_PARTS.map(
            (part, i) =>
              html`<label class="check"
                ><input
                  type="checkbox"
                  id=${i ? part : 'dayParts'}
                  name="dayParts"
                  .checked=${this.parts.includes(part)}
                  ?required=${!this.parts.length}
                  @change=${(e: Event) =>
                    (this.parts = (e.target as HTMLInputElement).checked ? [...this.parts, part] : this.parts.filter((p) => p !== part))}
                />
                ${t(part)}</label
              >`,
          )}
        </fieldset>
        ${this.#field('reason', AREA)} ${this.#person()} ${this.#primary('send')}
      </form>
    `;
  }

  #doneView(): unknown {
    const booking = this.#booking!;
    return html`${this.#summary(this.#tp, this.#of, this.#found?.officer.displayName, booking.slot.start, this.#tz)} ${this.#links(booking.manageToken, true, true)}`;
  }

  #visitedView(): unknown {
    const visit = this.#visit!;
    return html`<p>${this.#locale.t('contact')}</p>
      ${this.#visitSummary(visit)} ${this.#links(visit.manageToken, false, true)}`;
  }

  #manageView(): unknown {
    const { t } = this.#locale;
    return this.#load(
      this.#manage,
      () => {
        const m = this.#m!;
        const booking = m.kind === 'booking';
        const status = booking ? m.booking.status : m.visit.status;
        const open = status === 'confirmed' || status === 'requested';
        return html`
          ${this.#flash ? html`<p role="status" part="status" class="ok">${t(this.#flash)}</p>` : nothing}
          <p part="status">${t('status')}: <strong>${t(status)}</strong></p>
          ${booking
            ? nothing
            : html`${status === 'requested' ? html`<p>${t('contact')}</p>` : nothing}
              ${m.visit.officerMessage ? html`<blockquote>${m.visit.officerMessage}</blockquote>` : nothing}`}
          ${this.#managedSummary(m)} ${status === 'confirmed' ? this.#links(this.#token, true, false) : nothing}
          ${open
            ? html`<div class="actions">
                ${booking ? this.#button('reschedule', this.#reschedule) : nothing} ${this.#button('cancel', () => this.#go('cancel'))}
              </div>`
            : nothing}
        `;
      },
      2,
    );
  }

  #cancelView(): unknown {
    return html`${this.#managedSummary(this.#m!)} ${this.#button('cancelYes', this.#cancel, 'primary')}`;
  }

  // ---- pieces ----

  #q<E extends HTMLElement = HTMLElement>(selector: string): E | null {
    return this.renderRoot.querySelector<E>(selector);
  }

  #load<Result>(task: ClientTask<readonly unknown[], Result, BookingClient>, ready: (value: Result) => unknown, cards = 3): unknown {
    // Placeholders as tall as the cards they stand for, so nothing jumps when the data arrives.
    const skeleton = () =>
      html`<p class="vh" role="status">${this.#locale.t('loading')}</p>
        ${Array.from({ length: cards }, () => html`<div part="skeleton" class="skeleton"></div>`)}`;
    return task.render({ idle: skeleton, loading: skeleton, error: (error) => this.#alert(error, () => task.retry()), ready });
  }

  #alert(error: BlauwError, retry?: () => unknown): TemplateResult {
    return html`<div part="alert" role="alert">
      <p>${this.#locale.t(errorMessageKey(error))}</p>
      ${retry ? this.#button('retry', retry) : nothing}
    </div>`;
  }

  // A button that does something here (`primary` marks the one that moves the flow forward).
  #button(label: Key, click: () => unknown, cls?: 'primary' | 'back'): TemplateResult {
    return html`<button type="button" part=${cls === 'primary' ? 'button primary-button' : 'button'} class=${ifDefined(cls)} @click=${click}>${this.#locale.t(label)}</button>`;
  }

  // The submit button of a step's form.
  #primary(label: Key): TemplateResult {
    return html`<button part="button primary-button" class="primary">${this.#locale.t(label)}</button>`;
  }

  #card(name: string, i: number, label: string, description: unknown, checked: boolean, pick: () => void): TemplateResult {
    const id = i ? `${name}-${i}` : name;
    return html`<div part=${name} class="card">
      <input type="radio" id=${id} name=${name} required .checked=${checked} aria-describedby="${id}-d" @change=${pick} />
      <label for=${id}>${label}</label>
      <p id="${id}-d">${description}</p>
    </div>`;
  }

  #time(slot: Slot, timeZone: string, i: number, label?: string): TemplateResult {
    return html`<label part="time" class="time"
      ><input
        type="radio"
        name="slot"
        id=${ifDefined(i ? undefined : 'slot')}
        required
        .checked=${this.#chosen?.id === slot.id}
        @change=${() => ((this.#chosen = slot), (this.#tz = timeZone))}
      />${label ?? this.#locale.format.time(slot.start, timeZone)}</label
    >`;
  }

  #dateTime(start: string, timeZone: string): string {
    return this.#locale.format.dateTime(start, timeZone, { dateStyle: 'full', timeStyle: 'short' });
  }

  #takenBlock(): unknown {
    const { t } = this.#locale;
    const taken = this.taken;
    if (!taken) return nothing;
    return html`<div part="alert" role="alert"><p>${t('taken')}</p></div>
      ${taken.length
        ? html`<div role="radiogroup" aria-labelledby="tk" class="times">
            <p id="tk">${t('takenPick')}</p>
            ${taken.map((slot, i) => this.#time(slot, this.#tz, i, this.#dateTime(slot.start, this.#tz)))}
          </div>`
        : this.#button('otherDay', () => this.#go('when'))}`;
  }

  #field(name: keyof Form, options: FieldOptions = {}): TemplateResult {
    const bad = this.errs.includes(name);
    const described = ifDefined(bad ? `${name}-e` : undefined);
    return html`<div part="field" class="field">
      <label for=${name}>${this.#locale.t(name)}</label>
      ${bad ? html`<p class="err" id="${name}-e">${this.#errText(name)}</p>` : nothing}
      ${options.area
        ? html`<textarea id=${name} name=${name} required maxlength="2000" aria-invalid=${bad} aria-describedby=${described} .value=${this.#d[name]}></textarea>`
        : html`<input
            id=${name}
            name=${name}
            type=${options.type ?? 'text'}
            ?required=${!options.optional}
            autocomplete=${options.auto ?? 'off'}
            pattern=${ifDefined(options.pattern)}
            inputmode=${ifDefined(options.mode)}
            aria-invalid=${bad}
            aria-describedby=${described}
            .value=${this.#d[name]}
          />`}
    </div>`;
  }

  #person(): TemplateResult {
    const { t, language } = this.#locale;
    const chosen = this.#d.language || language;
    return html`${this.#field('name', { auto: 'name' })} ${this.#field('email', { type: 'email', auto: 'email' })}
      ${this.#field('phone', { type: 'tel', auto: 'tel', pattern: PHONE, optional: true })}
      <div part="field" class="field">
        <label for="language">${t('language')}</label>
        <select id="language" name="language">
          ${Object.entries(LANGUAGE_NAMES).map(([code, name]) => html`<option value=${code} lang=${code} ?selected=${code === chosen}>${name}</option>`)}
        </select>
      </div>`;
  }

  #summary(topic: Topic | undefined, office: Office | undefined, officer: string | undefined, start: string | undefined, timeZone: string, where?: string): TemplateResult {
    const { t, format, language } = this.#locale;
    const row = (key: Key, value: unknown) => (value ? html`<dt>${t(key)}</dt><dd>${value}</dd>` : nothing);
    return html`<dl part="confirmation">
      ${row('topic', topic?.name[language])} ${row('when', start && this.#dateTime(start, timeZone))}
      ${row('where', where ?? (office && html`${office.name}<br />${address(office.address)}`))} ${row('officer', officer)}
      ${row('bring', topic?.bring.length && format.list(topic.bring.map((item) => item[language])))}
    </dl>`;
  }

  #visitSummary(visit: HomeVisitRequest): TemplateResult {
    const { format, t } = this.#locale;
    const m = this.#m;
    return html`${this.#summary(this.#tp, undefined, m?.officer.displayName, visit.confirmedStart, m?.office.timeZone ?? this.#tz, address(visit.address))}
      <p>${t('dayParts')} ${format.list(visit.dayParts.map((part) => t(part)))}</p>`;
  }

  #managedSummary(m: Managed): TemplateResult {
    return m.kind === 'booking' ? this.#summary(m.topic, m.office, m.officer.displayName, m.booking.slot.start, m.office.timeZone) : this.#visitSummary(m.visit);
  }

  // The manage link is this page with the token added, so it opens this widget in manage mode.
  #links(token: string | undefined, calendar: boolean, manage: boolean): unknown {
    if (!token) return nothing;
    const { t } = this.#locale;
    const url = new URL(location.href);
    url.searchParams.set('blauw-manage', token);
    return html`${calendar
        ? html`<p><a part="button" class="button" href=${this.#resolved.value?.booking.calendarUrl({ manageToken: token }) ?? ''} download="afspraak.ics">${t('ics')}</a></p>`
        : nothing}
      ${manage ? html`<p>${t('keep')} <a href=${url.href}>${url.href}</a></p>` : nothing}`;
  }

  // A field's own message, else "<label> is required" for a field that has none (box is optional).
  #errText(name: string): string {
    const { t } = this.#locale;
    const key = `e.${name}`;
    return key in messages.nl ? t(key as Key) : name in emptyForm && name !== 'box' ? t('e.req', { f: t(name as Key) }) : t('e.field');
  }

  // ---- behaviour ----

  #focusField(e: Event, name: string): void {
    e.preventDefault();
    (this.#q(`#${name}`) ?? this.#q('[data-day][tabindex="0"]'))?.focus();
  }

  readonly #input = (e: Event): void => {
    const field = e.target as HTMLInputElement;
    if (field.name in this.#d) this.#d[field.name as keyof Form] = field.value;
  };

  // Validates a submitted form: true when it may go on, else its invalid fields go to the summary.
  #check(e: Event): boolean {
    e.preventDefault();
    const bad = [...(e.target as HTMLFormElement).elements].filter((el) => !(el as HTMLInputElement).checkValidity()).map((el) => (el as HTMLInputElement).name).filter(Boolean);
    this.errs = [...new Set(bad)];
    return !bad.length;
  }

  #go(view: View): void {
    // Leaving the form for the calendar gives the slot back, so someone else may have it.
    if (this.#hold && view === 'when') {
      void this.#resolved.value?.booking.releaseHold({ holdId: this.#hold.id }).catch(() => 'the hold lapses on its own');
      this.#hold = undefined;
    }
    if (view === 'when') {
      this.#chosen = undefined;
      this.#focusFirst = true;
    }
    this.view = view;
    this.err = undefined;
    this.errs = [];
    this.taken = undefined;
  }

  readonly #back = (): void => {
    const steps = this.#steps();
    const previous = steps[steps.indexOf(this.view) - 1];
    if (this.#re || this.view === 'cancel' || !previous) {
      this.#re = false;
      this.#go('manage');
    } else this.#go(previous);
  };

  #next(e: Event, view: View, office = false): void {
    if (!this.#check(e)) return;
    if (office) {
      this.#found = undefined;
      this.#ofid = undefined;
    }
    this.#go(view);
  }

  #goto(day: string, focus = true): void {
    this.fday = day;
    this.month = day.slice(0, 7);
    if (focus) void this.updateComplete.then(() => this.#q(`[data-day="${day}"]`)?.focus());
  }

  readonly #gridKey = (e: KeyboardEvent): void => {
    const from = (e.target as HTMLElement).dataset['day'];
    const to = from && dayForKey(from, e.key, e.shiftKey);
    if (to) {
      e.preventDefault();
      this.#goto(to);
    }
  };

  readonly #reschedule = (): void => {
    const m = this.#m;
    if (m?.kind !== 'booking') return;
    this.#re = true;
    this.#flash = undefined;
    this.#tid = m.topic.id;
    this.#oid = m.office.id;
    this.#ofid = m.booking.slot.officerId;
    this.#go('when');
  };

  async #act(run: (booking: BookingClient['booking']) => Promise<void>): Promise<void> {
    const client = this.#resolved.value;
    if (!client || this.#busy) return;
    this.#busy = true;
    this.err = undefined;
    this.taken = undefined;
    try {
      await run(client.booking);
    } catch (caught) {
      const error = toBlauwError(caught);
      // Read by shape, not class: the client may come from another bundle.
      const { nextSlots, fieldErrors } = error as { nextSlots?: readonly Slot[]; fieldErrors?: readonly { pointer: string }[] };
      if (error.kind === 'conflict' && error.code === 'slot_taken') {
        this.taken = nextSlots ?? [];
        this.#chosen = undefined;
      } else if (error.kind === 'not_found' && this.view === 'where') this.notCovered = true;
      else if (error.kind === 'validation' && fieldErrors?.length) this.errs = fieldErrors.map((f) => f.pointer.split('/').pop() ?? '');
      else {
        this.err = error;
        this.#fire<BookingErrorDetail>('blauw-error', { error });
      }
    } finally {
      this.#busy = false;
    }
  }

  // The events are documented with @fires above; the analyzer would list `type` as one more.
  #fire<Detail>(type: string, detail: Detail): void {
    const event = new CustomEvent(type, { detail, bubbles: true, composed: true });
    this.dispatchEvent(event);
  }

  // Manage-mode changes: the booking as it is now, a message about it, and the event.
  #managedNow(managed: Managed, flash: 'moved' | 'gone', type: string): void {
    this.#managed = managed;
    this.#flash = flash;
    this.#re = false;
    this.#go('manage');
    this.#fire<RescheduledDetail | CancelledDetail>(type, { managed });
  }

  readonly #findOfficer = (e: Event): void => {
    this.notCovered = false;
    if (!this.#check(e)) return;
    const { postalCode, street, houseNumber } = this.#d;
    void this.#act(async (booking) => {
      const found = await booking.officerForAddress({ postalCode, street, houseNumber });
      this.#found = found;
      this.#oid = found.office.id;
      this.#ofid = found.officer.id;
      this.#d.municipality ||= found.municipality.name;
      this.#go('when');
    });
  };

  readonly #chooseTime = (e: Event): void => {
    e.preventDefault();
    const slot = this.#chosen;
    if (!slot) {
      this.errs = ['slot'];
      return;
    }
    void this.#act(async (booking) => {
      if (this.#re) this.#managedNow(await booking.reschedule({ manageToken: this.#token!, slotId: slot.id }), 'moved', 'blauw-rescheduled');
      else {
        this.#hold = await booking.hold({ slotId: slot.id, topicId: this.#tid! });
        this.#go('details');
      }
    });
  };

  #citizen() {
    const { name, email, phone, language } = this.#d;
    return { name, email, language: (language || this.#locale.language) as Locale, ...(phone ? { phone } : {}) };
  }

  readonly #book = (e: Event): void => {
    const slot = this.#chosen;
    const topic = this.#tp;
    if (!this.#check(e) || !slot || !topic) return;
    const hold = this.#hold?.slot.id === slot.id ? { holdId: this.#hold.id } : {};
    const facts = this.#d.facts;
    void this.#act(async (client) => {
      // The hold may have lapsed while the citizen typed (a phone asleep); the server re-checks the slot.
      const booking = await client.book({ slotId: slot.id, topicId: topic.id, citizen: this.#citizen(), ...hold, ...(facts ? { facts } : {}) });
      this.#booking = booking;
      this.#hold = undefined;
      this.#go('done');
      this.#fire<BookedDetail>('blauw-booked', { booking, topic, office: this.#of });
    });
  };

  readonly #requestVisit = (e: Event): void => {
    const topic = this.#tp;
    if (!this.#check(e) || !topic) return;
    const { street, houseNumber, box, postalCode, municipality, reason } = this.#d;
    void this.#act(async (client) => {
      const visit = await client.requestHomeVisit({
        topicId: topic.id,
        address: { street, houseNumber, postalCode, municipality, ...(box ? { box } : {}) },
        dayParts: this.parts,
        reason,
        citizen: this.#citizen(),
      });
      this.#visit = visit;
      this.#go('visited');
      this.#fire<VisitRequestedDetail>('blauw-visit-requested', { visit });
    });
  };

  readonly #cancel = (): void => {
    void this.#act(async (client) => this.#managedNow(await client.cancel({ manageToken: this.#token! }), 'gone', 'blauw-cancelled'));
  };
}

if (!customElements.get('blauw-booking-calendar')) customElements.define('blauw-booking-calendar', BlauwBookingCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'blauw-booking-calendar': BlauwBookingCalendar;
  }
  interface HTMLElementEventMap {
    'blauw-booked': CustomEvent<BookedDetail>;
    'blauw-rescheduled': CustomEvent<RescheduledDetail>;
    'blauw-cancelled': CustomEvent<CancelledDetail>;
    'blauw-visit-requested': CustomEvent<VisitRequestedDetail>;
  }
}
