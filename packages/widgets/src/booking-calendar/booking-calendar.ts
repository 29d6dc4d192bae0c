import { LitElement, html, nothing, type PropertyValues } from 'lit';
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
import { ClockController, todayIn, type Now } from '../shared/clock.js';
import { LocaleController } from '../shared/locale-controller.js';
import { NetworkStatus } from '../shared/network-status.js';
import type { BlauwErrorDetail } from '../provider/provider.js';
import { toBlauwError } from '../shared/to-blauw-error.js';
import { styles } from './booking-calendar.styles.js';
import { BookingFlow, firstStep, manageLink, manageTokenIn, type Preset, type Step } from './booking-flow.js';
import { monthRange } from './calendar-days.js';
import { FIELD_RULES, emptyDetails, fieldProblem, type DetailsForm } from './field-rules.js';
import { messages } from './messages.js';
import { choosePlace, type StreetSuggestion } from './steps/choose-place.js';
import { chooseTime, takenBlock } from './steps/choose-time.js';
import { chooseTopic } from './steps/choose-topic.js';
import { confirmCancel, confirmation, confirmMove } from './steps/confirmation.js';
import { detailsForm } from './steps/details-form.js';
import { addressLine, alert, button, errorSummary, load, type Key, type Ui } from './steps/parts.js';
import { reasonLabel, visitRequest } from './steps/visit-request.js';

/**
 * Detail of `blauw-booked`: the new booking (with its `manageToken`), its topic and office.
 *
 * @category Widget events
 */
export interface BookedDetail {
  booking: Booking;
  topic: Topic;
  /** The office of the booked slot; `undefined` only when the office list could not be loaded. */
  office: Office | undefined;
}
/**
 * Detail of `blauw-rescheduled`: the booking as it is now.
 *
 * @category Widget events
 */
export interface RescheduledDetail {
  managed: Managed;
}
/**
 * Detail of `blauw-cancelled`: the cancelled booking or home-visit request.
 *
 * @category Widget events
 */
export interface CancelledDetail {
  managed: Managed;
}
/**
 * Detail of `blauw-visit-requested`: the new request (with its `manageToken`).
 *
 * @category Widget events
 */
export interface VisitRequestedDetail {
  visit: HomeVisitRequest;
}
/**
 * Detail of `blauw-error`.
 *
 * @deprecated Use {@link BlauwErrorDetail}, the one detail type of `blauw-error` for every widget.
 * @category Widget events
 */
export type BookingErrorDetail = BlauwErrorDetail;

const CHOICES = ['topic', 'office', 'slot', 'dayParts'];
// The steps that show an existing booking or request (they need a manage token). The first three
// end a flow: they offer no Back button (the browser's Back still leaves them).
const MANAGING: readonly Step[] = ['booked', 'requested', 'manage', 'newTime', 'confirmMove', 'cancel'];
const TAG = 'blauw-booking-calendar';
// "an@example.be" → "a…@example.be": enough to recognise, not enough to read over a shoulder.
const masked = (email: string) => email.replace(/^(.)[^@]*@/, '$1…@');

/**
 * Lets a citizen book a meeting with their neighbourhood officer, or ask for a home visit, in four
 * steps: topic, place (an office, or their own officer found from their address), day and time
 * (or, for a home visit, the address and parts of the day), and their details. Each step is a
 * browser history entry, so Back and Forward move through the steps. The confirmation gives an
 * `.ics` file and a manage link — this page with `#blauw-manage=<token>` in its fragment, so the
 * token never reaches a server log — through which the same element shows, moves or cancels it.
 *
 * Script-tag use: `<blauw-booking-calendar api="https://api.zone.example/v1" lang="fr">`.
 * Times are shown in the office's time zone, in Belgian formats. Nothing is stored in the
 * browser (no cookies, no storage); the manage token lives in the link only. With two widgets on
 * a page, a manage link opens in the one whose `id` it names, else in the first.
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
 * @fires {CustomEvent<BlauwErrorDetail>} blauw-error - A write failed for a reason other than the citizen's input or a taken slot.
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
 * @csspart status - A status line (the booking's status, an empty month).
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
 *
 * @category Widgets
 */
export class BlauwBookingCalendar extends LitElement {
  /** The calendar's shadow styles: the design tokens, focus ring and reduced motion, then its own. */
  static override styles = styles;
  /** Lit's declarations of the element's properties and the attributes they read (`manage-token` for `manageToken`). */
  // Declared here rather than with @property/@state: the decorators' runtime costs ≈ 0.35 kB
  // min+gzip of the CDN bundle. Internal state says `attribute: false` for the manifest's sake.
  static override properties = {
    api: {},
    client: { attribute: false },
    topic: {},
    office: {},
    officer: {},
    manageToken: { attribute: 'manage-token' },
    now: { attribute: false },
    errs: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    month: { state: true, attribute: false },
    focusDay: { state: true, attribute: false },
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
  /** A manage token: shows that booking or home-visit request instead of a new booking. Defaults to the page's `#blauw-manage=` fragment. */
  manageToken?: string | undefined;
  /**
   * The clock, as milliseconds since the epoch (default: the provider's, else `Date.now`). "Today"
   * is read from it in the office's time zone; tests and demos pin it.
   */
  now?: Now;

  // Reactive state has plain names, as Lit needs; everything else is `#private`, which the
  // minifier shortens (TypeScript `private` names ship in full).
  private errs: string[] = [];
  private failure: BlauwError | undefined;
  private month = '';
  private focusDay = '';

  #selectedTopicId: string | undefined;
  #selectedOfficeId: string | undefined;
  #selectedOfficerId: string | undefined;
  #foundOfficer: OfficerForAddress | undefined;
  #notCovered: readonly StreetSuggestion[] | undefined;
  #selectedDay: string | undefined;
  #chosenSlot: Slot | undefined;
  #hold: SlotHold | undefined;
  // Slots someone else took during this visit: never offered again, whatever a cached month says.
  readonly #takenSlots = new Set<string>();
  #alternatives: readonly Slot[] | undefined;
  #dayParts: DayPart[] = [];
  #changed: Managed | undefined;
  #flash: 'moved' | 'gone' | undefined;
  #sentTo: string | undefined;
  #tokenFromPage = false;
  #seekFirstFree = false;
  #focusFirstFree = false;
  #focusAfterRender = '';
  #busy = false;
  // What the citizen typed, kept across steps, Back and failures (never stored anywhere else).
  readonly #form: DetailsForm = emptyDetails();

  readonly #locale = new LocaleController(this, messages);
  readonly #clock = new ClockController(this);
  readonly #resolved = new ClientController<BookingClient>(this, {
    language: () => this.#locale.language,
    create: createBookingClient,
  });
  readonly #flow = new BookingFlow(this, {
    key: () => `${TAG}#${this.id || [...document.querySelectorAll(TAG)].indexOf(this)}`,
    preset: () => this.#preset,
    start: 'topic',
  });
  readonly #network = new NetworkStatus(this, {
    onOnline: () => {
      for (const task of this.#tasks) if (task.status === 'error') void task.retry();
    },
  });
  readonly #topics = new ClientTask(this, {
    client: this.#resolved,
    args: () => (this.manageToken ? undefined : ([] as const)),
    task: (client, _, { signal }) => client.booking.topics({ signal }),
  });
  readonly #offices = new ClientTask(this, {
    client: this.#resolved,
    args: () => (this.manageToken ? undefined : ([] as const)),
    task: (client, _, { signal }) => client.booking.offices({ signal }),
  });
  // One month per request; moving to another month aborts the previous one.
  readonly #availability = new ClientTask(this, {
    client: this.#resolved,
    args: () => {
      const step = this.#flow.step;
      return (step === 'when' || step === 'newTime') && this.#selectedTopicId && this.month
        ? ([this.#selectedTopicId, this.#selectedOfficeId, this.#selectedOfficerId, this.month] as const)
        : undefined;
    },
    task: (client, [topicId, officeId, officerId, month], { signal }) => {
      const [from, to] = monthRange(month);
      return client.booking.availability({ topicId, from, to, signal, ...(officerId ? { officerId } : { officeId: officeId! }) });
    },
  });
  readonly #manage = new ClientTask(this, {
    client: this.#resolved,
    args: () => (this.manageToken ? ([this.manageToken] as const) : undefined),
    task: (client, [manageToken], { signal }) => client.booking.manage({ manageToken, signal }),
  });
  readonly #tasks = [this.#topics, this.#offices, this.#availability, this.#manage];

  get #preset(): Preset {
    return { topic: !!this.topic, place: !!(this.office || this.officer) };
  }

  get #managed(): Managed | undefined {
    return this.#changed ?? this.#manage.value;
  }

  get #selectedTopic(): Topic | undefined {
    return this.#managed?.topic ?? this.#topics.value?.items.find((topic) => topic.id === this.#selectedTopicId);
  }

  get #selectedOffice(): Office | undefined {
    const id = this.#chosenSlot?.officeId ?? this.#selectedOfficeId ?? this.#availability.value?.officeId;
    return this.#managed?.office ?? this.#foundOfficer?.office ?? this.#offices.value?.items.find((office) => office.id === id);
  }

  // The token a page address names for this widget: its id, or the first widget of the page.
  #tokenInPage(): string | undefined {
    return manageTokenIn(location.hash, this.id || undefined, document.querySelector(TAG) === this);
  }

  /**
   * On first connection, starts the flow: at the manage view when there is a manage token (the
   * attribute or the page's `#blauw-manage=` fragment), else at the first step the presets leave open.
   */
  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) {
      this.#selectedTopicId = this.topic;
      this.#selectedOfficeId = this.office;
      this.#selectedOfficerId = this.officer;
      if (!this.manageToken) {
        this.manageToken = this.#tokenInPage();
        this.#tokenFromPage = !!this.manageToken;
      }
      this.#flow.jump(this.manageToken ? 'manage' : firstStep(this.#preset));
    }
  }

  /** @internal Whether the flow's data allows showing `step` (Back and Forward ask). */
  canShow(step: Step): boolean {
    const needs = step === 'details' ? this.#flow.homeVisit || this.#chosenSlot : step === 'confirmMove' ? this.#chosenSlot : step !== 'when' && step !== 'visit' || this.#selectedTopicId;
    return !!needs && MANAGING.includes(step) === !!this.manageToken;
  }

  /** @internal Called by the flow after every change of step. */
  stepChanged(step: Step, byHistory: boolean): void {
    const inPage = this.#tokenInPage();
    if (byHistory && (inPage ? inPage !== this.manageToken || !MANAGING.includes(step) : this.#tokenFromPage)) {
      // Back to the page before the booking, Forward to its confirmation, or a manage link followed on this page.
      this.#startOver();
      this.manageToken = inPage;
      this.#tokenFromPage = !!inPage;
      if (inPage && !MANAGING.includes(step)) this.#flow.jump('manage');
    }
    if (step === 'when' || step === 'newTime') {
      const timeZone = this.#selectedOffice?.timeZone ?? 'Europe/Brussels';
      this.month ||= todayIn(timeZone, this.#clock.now).slice(0, 7);
      this.#seekFirstFree = !this.#selectedDay;
      this.#focusFirstFree = this.hasUpdated;
    }
    this.failure = undefined;
    this.errs = [];
    // Focus follows the flow, but never on first render: the page, not the widget, owns focus then.
    if (this.hasUpdated) this.#focusAfterRender = '#h';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('manageToken') && this.hasUpdated && this.manageToken && !MANAGING.includes(this.#flow.step)) {
      this.#flow.jump('manage');
    }
    // Entering the time step: open on the month of the first free day, and give that day the focus.
    const month = this.#availability.value;
    if (this.#seekFirstFree && this.#availability.status === 'ready' && month?.from.startsWith(this.month)) {
      const first = month.days.find((day) => day.slots.some((slot) => !this.#takenSlots.has(slot.id)))?.date;
      if (first || !month.nextFreeDate) {
        this.#seekFirstFree = false;
        this.focusDay = first ?? '';
        if (this.#focusFirstFree) this.#focusAfterRender = first ? `[data-day="${first}"]` : '#next-free';
      } else this.month = month.nextFreeDate.slice(0, 7);
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (this.#focusAfterRender) this.renderRoot.querySelector<HTMLElement>(this.#focusAfterRender)?.focus();
    this.#focusAfterRender = '';
    if (this.errs.length && changed.has('errs')) this.renderRoot.querySelector<HTMLElement>('[part=error-summary]')?.focus();
  }

  protected override render() {
    // The CDN files download the strings of the widget's language first (a moment on a slow line).
    if (!this.#locale.ready) return nothing;
    const { t } = this.#locale;
    const step = this.#flow.step;
    const ui = this.#ui();
    const progress = this.#flow.progress;
    const m = this.#managed;
    // Each step's heading is its name + H; a home-visit request has its own words where they differ.
    const heading = (m?.kind === 'home_visit' && (step === 'cancel' || step === 'manage') ? `${step}VH` : `${step}H`) as Key;
    return html`
      ${this.#network.online ? nothing : html`<p part="offline" class="banner" role="status">${t('offline')}</p>`}
      <section part="step" aria-busy=${this.#tasks.some((task) => task.status === 'loading')} class=${step} @input=${this.#typed}>
        ${this.#flow.canGoBack && MANAGING.indexOf(step) > 2 === MANAGING.includes(step) ? button(ui, 'back', () => this.#flow.back(), 'back') : nothing}
        <h2 part="heading" tabindex="-1" id="h">
          ${progress ? html`<span part="progress">${t('step', progress)}</span> ` : nothing}${t(heading)}
        </h2>
        ${errorSummary(ui, this.#focusField)} ${this.failure ? alert(ui, this.failure) : nothing} ${this.#step(ui, step)}
      </section>
    `;
  }

  #ui(): Ui {
    const { t, format, language } = this.#locale;
    return {
      t,
      format,
      language,
      form: this.#form,
      errs: this.errs,
      errText: (name) => this.#errText(name),
    };
  }

  #step(ui: Ui, step: Step): unknown {
    const topic = this.#selectedTopic;
    switch (step) {
      case 'topic':
        return chooseTopic(ui, this.#topics, this.#selectedTopicId, (picked) => (this.#selectedTopicId = picked.id), this.#submit(() => this.#flow.send('next')));
      case 'where':
        return choosePlace(ui, {
          offices: this.#offices,
          selected: this.#selectedOfficeId,
          pick: (office) => (this.#selectedOfficeId = office.id),
          submitOffice: this.#submit(() => {
            this.#foundOfficer = undefined;
            this.#selectedOfficerId = undefined;
            this.#flow.send('next');
          }),
          findOfficer: this.#submit(this.#findOfficer),
          notCovered: this.#notCovered,
          useSuggestion: (s) => {
            Object.assign(this.#form, s);
            this.#notCovered = undefined;
            this.requestUpdate();
          },
          homeVisit: topic?.homeVisit ? () => this.#flow.send('homeVisit') : undefined,
        });
      case 'when':
      case 'newTime':
        return this.#timeStep(ui, step === 'newTime' ? 'reschedule' : 'next');
      case 'visit':
        return visitRequest(ui, topic, this.#dayParts, this.#toggleDayPart, this.#submit(() => this.#flow.send('next')));
      case 'details':
        return detailsForm(ui, {
          recap: this.#recap(),
          topic,
          homeVisit: this.#flow.homeVisit,
          taken: takenBlock(ui, this.#timeOptions(), this.#availability.value?.timeZone ?? 'Europe/Brussels', () => this.#flow.back()),
          submit: this.#submit(this.#flow.homeVisit ? this.#requestVisit : this.#book),
        });
      case 'confirmMove':
        return confirmMove(ui, this.#managed!, this.#chosenSlot!.start, this.#reschedule, takenBlock(ui, this.#timeOptions(), this.#managed!.office.timeZone, () => this.#flow.back()));
      case 'cancel':
        return confirmCancel(ui, this.#managed!, this.#cancel);
      default:
        return this.#changed
          ? this.#confirmation(ui, this.#changed)
          : load(ui, this.#manage, (managed) => this.#confirmation(ui, managed));
    }
  }

  #confirmation(ui: Ui, managed: Managed): unknown {
    const token = this.manageToken!;
    return confirmation(ui, {
      managed,
      flash: this.#flash,
      sentTo: this.#sentTo,
      calendarUrl: this.#resolved.value?.booking.calendarUrl({ manageToken: token }),
      manageLink: manageLink(location.href, token, this.id || undefined),
      reschedule: () => {
        if (managed.kind !== 'booking') return;
        this.#flash = undefined;
        this.#selectedTopicId = managed.topic.id;
        this.#selectedOfficeId = managed.office.id;
        this.#selectedOfficerId = managed.booking.slot.officerId;
        this.#selectedDay = undefined;
        this.#chosenSlot = undefined;
        this.month = '';
        this.#flow.send('reschedule');
      },
      cancel: () => {
        this.#flash = undefined;
        this.#flow.send('cancel');
      },
      bookAnother: this.#bookAnother,
    });
  }

  #timeOptions() {
    return {
      taken: this.#takenSlots,
      alternatives: this.#alternatives,
      chosen: this.#chosenSlot,
      pickSlot: (slot: Slot) => {
        this.#chosenSlot = slot;
        this.requestUpdate();
      },
    };
  }

  #timeStep(ui: Ui, action: 'next' | 'reschedule'): unknown {
    const task = this.#availability;
    const value = task.value;
    const office = this.#selectedOffice;
    let loaded = task.status === 'ready' && value?.from.startsWith(this.month) ? value : undefined;
    // The slot we hold is no longer free for others, so the server leaves it out: back on this step, it is still ours.
    const held = this.#hold?.slot;
    if (loaded && held) {
      const days = loaded.days.map((day) =>
        // One time per start is shown: ours, not another officer's at the same time.
        held.start.startsWith(day.date) ? { ...day, slots: [...day.slots.filter((slot) => slot.start !== held.start), held].sort((a, b) => a.start.localeCompare(b.start)) } : day,
      );
      loaded = { ...loaded, days };
    }
    return chooseTime(ui, {
      ...this.#timeOptions(),
      loaded,
      failed: task.status === 'error' ? { error: task.error!, retry: () => task.retry() } : undefined,
      month: this.month,
      focusDay: this.focusDay,
      day: this.#selectedDay,
      horizon: office && { days: office.horizonDays, today: todayIn(office.timeZone, this.#clock.now) },
      action,
      pickDay: (day) => {
        this.#selectedDay = day;
        this.focusDay = day;
        this.#chosenSlot = undefined;
        this.#alternatives = undefined;
        this.requestUpdate();
      },
      moveTo: (day, focus) => {
        this.focusDay = day;
        this.month = day.slice(0, 7);
        if (focus) this.#focusAfterRender = `[data-day="${day}"]`;
      },
      submit: (e) => {
        e.preventDefault();
        if (!this.#chosenSlot) this.errs = ['slot'];
        else if (action === 'reschedule') this.#flow.send('next');
        else void this.#act(this.#holdChosen);
      },
    });
  }

  #recap(): string {
    const topic = this.#selectedTopic?.name[this.#locale.language];
    if (this.#flow.homeVisit) return `${topic} — ${addressLine(this.#address())}`;
    const slot = this.#chosenSlot;
    const when = slot && this.#locale.format.dateTime(slot.start, this.#selectedOffice?.timeZone ?? 'Europe/Brussels', { dateStyle: 'full', timeStyle: 'short' });
    return `${topic} — ${when}, ${this.#selectedOffice?.name ?? ''}`;
  }

  // A field's message, in the citizen's terms: what the contract's rule says is wrong with what they typed.
  #errText(name: string): string {
    const { t } = this.#locale;
    if (CHOICES.includes(name) || name === 'email') return t(`e.${name}` as Key);
    if (!(name in FIELD_RULES)) return t('e.field', { f: name });
    const field = name as keyof DetailsForm;
    const label: Key = name === 'reason' || name === 'facts' ? reasonLabel(this.#selectedTopic) : (field as Key);
    switch (fieldProblem(field, this.#form[field])) {
      case 'required':
        return label === 'facts' ? t('e.facts') : t('e.req', { f: t(label) });
      case 'tooLong':
        return t('e.long', { f: t(label), n: FIELD_RULES[field].max! });
      default:
        // Its form: the field's own hint (a phone number, a postal code), else "check this field".
        return this.#locale.has(`e.${name}`) ? t(`e.${name}` as Key) : t('e.field', { f: t(label) });
    }
  }

  // ---- behaviour ----

  readonly #focusField = (e: Event, name: string): void => {
    e.preventDefault();
    (this.renderRoot.querySelector<HTMLElement>(`#${name}`) ?? this.renderRoot.querySelector<HTMLElement>('[data-day][tabindex="0"]'))?.focus();
  };

  // Keeps what the citizen types as they type it, so Back and Forward never lose it.
  readonly #typed = (e: Event): void => this.#keep(e.target as HTMLInputElement);

  #keep({ name, value }: HTMLInputElement): void {
    if (name in this.#form) this.#form[name as keyof DetailsForm] = value;
  }

  readonly #toggleDayPart = (part: DayPart, on: boolean): void => {
    this.#dayParts = on ? [...this.#dayParts, part] : this.#dayParts.filter((p) => p !== part);
    this.requestUpdate();
  };

  // A submit handler: keeps what was typed, checks the form, and runs `next` when it may go on.
  #submit(next: () => unknown): (e: Event) => void {
    return (e) => {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      for (const element of form.elements) this.#keep(element as HTMLInputElement);
      // The day parts are checked against what was ticked, not the `required` attributes of a render that may still be due.
      const invalid = (el: HTMLInputElement) => (el.name === 'dayParts' ? !this.#dayParts.length : !el.checkValidity());
      const bad = [...form.elements].filter((el) => invalid(el as HTMLInputElement)).map((el) => (el as HTMLInputElement).name);
      this.errs = [...new Set(bad.filter(Boolean))];
      if (!this.errs.length) next();
    };
  }

  readonly #bookAnother = (): void => {
    this.#startOver();
    this.#flow.send('bookAnother', manageLink(location.href, undefined, undefined));
  };

  // Forgets the choices of a finished booking (not what the citizen typed about themselves).
  #startOver(): void {
    this.manageToken = undefined;
    this.#tokenFromPage = false;
    this.#changed = undefined;
    this.#flash = undefined;
    this.#sentTo = undefined;
    this.#selectedTopicId = this.topic;
    this.#selectedOfficeId = this.office;
    this.#selectedOfficerId = this.officer;
    this.#selectedDay = undefined;
    this.#chosenSlot = undefined;
    this.#alternatives = undefined;
    this.#hold = undefined;
    this.#takenSlots.clear();
    this.month = '';
  }

  async #act(run: (booking: BookingClient['booking']) => Promise<void>): Promise<void> {
    const client = this.#resolved.value;
    if (!client || this.#busy) return;
    this.#busy = true;
    this.failure = undefined;
    try {
      await run(client.booking);
    } catch (caught) {
      this.#explain(toBlauwError(caught));
    } finally {
      this.#busy = false;
      this.requestUpdate();
    }
  }

  // Where a failure shows: a taken slot offers the next ones, a refused field shows at the field,
  // an address nobody covers at the address; anything else in an alert and a `blauw-error` event.
  #explain(error: BlauwError): void {
    // Read by shape, not class: the client may come from another bundle.
    const { nextSlots, fieldErrors, problem } = error as { nextSlots?: readonly Slot[]; fieldErrors?: readonly { pointer: string }[]; problem?: { suggestions?: StreetSuggestion[] } };
    const fields = fieldErrors?.map((f) => f.pointer.split('/').pop() ?? '');
    if (error.code === 'slot_taken') {
      if (this.#chosenSlot) this.#takenSlots.add(this.#chosenSlot.id);
      this.#alternatives = nextSlots ?? [];
      this.#chosenSlot = undefined;
    } else if (error.code === 'address_not_covered') this.#notCovered = problem?.suggestions ?? [];
    else if (error.kind === 'validation' && fields?.length && fields.every((name) => name in FIELD_RULES)) this.errs = fields;
    else {
      this.failure = error;
      this.#fire<BlauwErrorDetail>('blauw-error', { error });
    }
  }

  // The events are documented with @fires above; the analyzer would list `type` as one more.
  #fire<Detail>(type: string, detail: Detail): void {
    const event = new CustomEvent(type, { detail, bubbles: true, composed: true });
    this.dispatchEvent(event);
  }

  readonly #findOfficer = (): void => {
    this.#notCovered = undefined;
    const { postalCode, street, houseNumber } = this.#form;
    void this.#act(async (booking) => {
      const found = await booking.officerForAddress({ postalCode, street, houseNumber });
      this.#foundOfficer = found;
      this.#selectedOfficeId = found.office.id;
      this.#selectedOfficerId = found.officer.id;
      this.#form.municipality ||= found.municipality.name;
      this.#flow.send('next');
    });
  };

  // The chosen slot is held while the citizen types; going back and choosing another gives the first back.
  readonly #holdChosen = async (booking: BookingClient['booking']): Promise<void> => {
    const slot = this.#chosenSlot!;
    if (this.#hold?.slot.id !== slot.id) {
      if (this.#hold) {
        const holdId = this.#hold.id;
        this.#hold = undefined;
        // Not the citizen's concern (the hold lapses on its own in minutes), but the site's: reported, not shown.
        booking.releaseHold({ holdId }).catch((error: unknown) => this.#fire<BlauwErrorDetail>('blauw-error', { error: toBlauwError(error) }));
      }
      this.#hold = await booking.hold({ slotId: slot.id, topicId: this.#selectedTopicId! });
    }
    this.#alternatives = undefined;
    this.#flow.send('next');
  };

  // The page the e-mailed manage link leads back to: this one, without any fragment.
  #pageUrl(): string {
    return manageLink(location.href, undefined, undefined);
  }

  #address(): Address {
    const { street, houseNumber, box, postalCode, municipality } = this.#form;
    return { street, houseNumber, postalCode, municipality, ...(box ? { box } : {}) };
  }

  #citizen() {
    const { name, email, phone, language } = this.#form;
    return { name, email, language: (language || this.#locale.language) as Locale, ...(phone ? { phone } : {}) };
  }

  readonly #book = (): void => {
    const slot = this.#chosenSlot;
    const topic = this.#selectedTopic;
    if (!slot || !topic) {
      this.errs = ['slot'];
      return;
    }
    const hold = this.#hold?.slot.id === slot.id ? { holdId: this.#hold.id } : {};
    const facts = topic.asksFacts ? this.#form.facts : '';
    void this.#act(async (client) => {
      // The hold may have lapsed while the citizen typed (a phone asleep); the server re-checks the slot.
      const booking = await client.book({ slotId: slot.id, topicId: topic.id, citizen: this.#citizen(), ...hold, ...(facts ? { facts } : {}), manageUrl: this.#pageUrl() });
      this.#hold = undefined;
      this.#finished(booking.manageToken!, booking.citizen.email, 'booked');
      this.#fire<BookedDetail>('blauw-booked', { booking, topic, office: this.#selectedOffice });
    });
  };

  readonly #requestVisit = (): void => {
    const topic = this.#selectedTopic!;
    void this.#act(async (client) => {
      const visit = await client.requestHomeVisit({
        topicId: topic.id,
        address: this.#address(),
        dayParts: this.#dayParts,
        reason: this.#form.reason,
        citizen: this.#citizen(),
        manageUrl: this.#pageUrl(),
      });
      this.#finished(visit.manageToken!, visit.citizen.email, 'requested');
      this.#fire<VisitRequestedDetail>('blauw-visit-requested', { visit });
    });
  };

  // A booking or request exists: the page address now carries its manage link, so a reload shows it.
  #finished(token: string, email: string, event: 'booked' | 'requested'): void {
    this.manageToken = token;
    this.#tokenFromPage = true;
    this.#sentTo = masked(email);
    this.#flow.send(event, manageLink(location.href, token, this.id || undefined));
  }

  // A change made through the manage link: the booking as it is now, a message, and the event.
  #managedNow(managed: Managed, flash: 'moved' | 'gone', type: 'blauw-rescheduled' | 'blauw-cancelled'): void {
    this.#changed = managed;
    this.#flash = flash;
    this.#sentTo = undefined;
    this.#flow.send('done');
    this.#fire<RescheduledDetail | CancelledDetail>(type, { managed });
  }

  readonly #reschedule = (): void => {
    const slotId = this.#chosenSlot!.id;
    void this.#act(async (client) => this.#managedNow(await client.reschedule({ manageToken: this.manageToken!, slotId }), 'moved', 'blauw-rescheduled'));
  };

  readonly #cancel = (): void => {
    void this.#act(async (client) => this.#managedNow(await client.cancel({ manageToken: this.manageToken! }), 'gone', 'blauw-cancelled'));
  };
}

if (!customElements.get(TAG)) customElements.define(TAG, BlauwBookingCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'blauw-booking-calendar': BlauwBookingCalendar;
  }
  interface HTMLElementEventMap {
    'blauw-booked': CustomEvent<BookedDetail>;
    'blauw-rescheduled': CustomEvent<RescheduledDetail>;
    'blauw-cancelled': CustomEvent<CancelledDetail>;
    'blauw-visit-requested': CustomEvent<VisitRequestedDetail>;
    // 'blauw-error' (CustomEvent<BlauwErrorDetail>) is declared once, with the provider.
  }
}
