import type { Address, Citizen, DayPart, Locale, Office, Topic } from '@blauw/core';
import { calendarFileName } from './calendar-file.js';
import type { MailMessage } from './mailer.js';

// The e-mails an appointment desk sends, in the citizen's language and with formal address
// (u / vous / Sie), dates and times in the office's zone in Belgian formats. French puts a
// no-break space before ':' ';' '?' '!' and writes the first of the month as "1er".

/** What happened, which decides the wording and the attachment. */
export type ConfirmationKind =
  | 'booked'
  | 'rescheduled'
  | 'booking_cancelled'
  | 'visit_requested'
  | 'visit_confirmed'
  | 'visit_declined'
  | 'visit_cancelled';

/** Everything one confirmation e-mail says. */
export interface ConfirmationFacts {
  kind: ConfirmationKind;
  /** Signs the message, e.g. `Politiezone Scheldeland`. */
  zoneName: string;
  citizen: Citizen;
  topic: Topic;
  office: Office;
  officerName: string;
  /** When the meeting or visit is; absent for a visit the officer has not given a time. */
  start?: string | undefined;
  end?: string | undefined;
  /** For a home visit: where, and the parts of the day the citizen prefers. */
  visit?: { address: Address; dayParts: readonly DayPart[] } | undefined;
  /** What the officer wrote with a confirmation or a decline. */
  officerMessage?: string | undefined;
  /** The manage link, its token in the fragment. */
  manageLink: string;
  /** The calendar file to attach: the event, or its cancellation for a cancelled one. */
  calendar?: string | undefined;
}

const NBSP = '\u00a0';

interface Texts {
  /** "dinsdag 4 mei 2027 om 10:00" */
  at(date: string, time: string): string;
  /** "dinsdag 4 mei 2027, van 10:00 tot 10:30" */
  span(date: string, from: string, to: string): string;
  subject: Record<ConfirmationKind, (when: string) => string>;
  greeting(name: string): string;
  intro: Record<ConfirmationKind, string>;
  what: string;
  when: string;
  where: string;
  phone: string;
  officer: string;
  preference: string;
  message: string;
  atHome: string;
  dayParts: Record<DayPart, string>;
  bring: string;
  manageBooking: string;
  manageVisit: string;
  attachment: string;
  closing: string;
}

const TEXTS: Record<Locale, Texts> = {
  nl: {
    at: (date, time) => `${date} om ${time}`,
    span: (date, from, to) => `${date}, van ${from} tot ${to}`,
    subject: {
      booked: (when) => `Uw afspraak met de wijkagent op ${when}`,
      rescheduled: (when) => `Uw afspraak met de wijkagent is verplaatst naar ${when}`,
      booking_cancelled: (when) => `Uw afspraak met de wijkagent op ${when} is geannuleerd`,
      visit_requested: () => 'Uw aanvraag voor een huisbezoek van de wijkagent',
      visit_confirmed: (when) => `Huisbezoek van de wijkagent op ${when}`,
      visit_declined: () => 'Uw aanvraag voor een huisbezoek: antwoord van de wijkagent',
      visit_cancelled: () => 'Uw aanvraag voor een huisbezoek is geannuleerd',
    },
    greeting: (name) => `Beste ${name},`,
    intro: {
      booked: 'Uw afspraak met de wijkagent is bevestigd.',
      rescheduled: 'Uw afspraak met de wijkagent is verplaatst. Hieronder staat het nieuwe tijdstip.',
      booking_cancelled: 'Uw afspraak met de wijkagent is geannuleerd. U hoeft niet te komen.',
      visit_requested:
        'We hebben uw aanvraag voor een huisbezoek ontvangen. Dit is een aanvraag, nog geen afspraak: de wijkagent bevestigt een tijdstip of neemt contact met u op.',
      visit_confirmed: 'De wijkagent heeft uw huisbezoek bevestigd.',
      visit_declined: 'De wijkagent kan uw aanvraag voor een huisbezoek niet aannemen.',
      visit_cancelled: 'Uw aanvraag voor een huisbezoek is geannuleerd.',
    },
    what: 'Wat',
    when: 'Wanneer',
    where: 'Waar',
    phone: 'Telefoon van het kantoor',
    officer: 'Uw wijkagent',
    preference: 'Uw voorkeur',
    message: 'Bericht van de wijkagent',
    atHome: 'bij u thuis',
    dayParts: { morning: 'voormiddag', afternoon: 'namiddag', evening: 'avond' },
    bring: 'Breng mee:',
    manageBooking: 'Uw afspraak bekijken, verplaatsen of annuleren:',
    manageVisit: 'Uw aanvraag bekijken of annuleren:',
    attachment: 'Bijlage voor uw agenda',
    closing: 'Met vriendelijke groeten,',
  },
  fr: {
    at: (date, time) => `${date} à ${time}`,
    span: (date, from, to) => `${date}, de ${from} à ${to}`,
    subject: {
      booked: (when) => `Votre rendez-vous avec l’agent de quartier le ${when}`,
      rescheduled: (when) => `Votre rendez-vous avec l’agent de quartier est déplacé au ${when}`,
      booking_cancelled: (when) => `Votre rendez-vous avec l’agent de quartier du ${when} est annulé`,
      visit_requested: () => 'Votre demande de visite à domicile de l’agent de quartier',
      visit_confirmed: (when) => `Visite à domicile de l’agent de quartier le ${when}`,
      visit_declined: () => `Votre demande de visite à domicile${NBSP}: réponse de l’agent de quartier`,
      visit_cancelled: () => 'Votre demande de visite à domicile est annulée',
    },
    greeting: (name) => `Bonjour ${name},`,
    intro: {
      booked: 'Votre rendez-vous avec l’agent de quartier est confirmé.',
      rescheduled: 'Votre rendez-vous avec l’agent de quartier a été déplacé. Voici la nouvelle date.',
      booking_cancelled: 'Votre rendez-vous avec l’agent de quartier est annulé. Vous ne devez pas vous présenter.',
      visit_requested: `Nous avons bien reçu votre demande de visite à domicile. Il s’agit d’une demande, pas encore d’un rendez-vous${NBSP}: l’agent de quartier vous confirmera une date ou prendra contact avec vous.`,
      visit_confirmed: 'L’agent de quartier a confirmé sa visite à votre domicile.',
      visit_declined: 'L’agent de quartier ne peut pas donner suite à votre demande de visite à domicile.',
      visit_cancelled: 'Votre demande de visite à domicile est annulée.',
    },
    what: 'Objet',
    when: 'Quand',
    where: 'Où',
    phone: 'Téléphone du bureau',
    officer: 'Votre agent de quartier',
    preference: 'Votre préférence',
    message: 'Message de l’agent de quartier',
    atHome: 'à votre domicile',
    dayParts: { morning: 'matin', afternoon: 'après-midi', evening: 'soir' },
    bring: `À apporter${NBSP}:`,
    manageBooking: `Consulter, déplacer ou annuler votre rendez-vous${NBSP}:`,
    manageVisit: `Consulter ou annuler votre demande${NBSP}:`,
    attachment: 'Pièce jointe pour votre agenda',
    closing: 'Meilleures salutations,',
  },
  de: {
    at: (date, time) => `${date} um ${time} Uhr`,
    span: (date, from, to) => `${date}, von ${from} bis ${to} Uhr`,
    subject: {
      booked: (when) => `Ihr Termin beim Bezirksbeamten am ${when}`,
      rescheduled: (when) => `Ihr Termin beim Bezirksbeamten wurde auf ${when} verschoben`,
      booking_cancelled: (when) => `Ihr Termin beim Bezirksbeamten am ${when} ist abgesagt`,
      visit_requested: () => 'Ihre Anfrage für einen Hausbesuch des Bezirksbeamten',
      visit_confirmed: (when) => `Hausbesuch des Bezirksbeamten am ${when}`,
      visit_declined: () => 'Ihre Anfrage für einen Hausbesuch: Antwort des Bezirksbeamten',
      visit_cancelled: () => 'Ihre Anfrage für einen Hausbesuch ist abgesagt',
    },
    greeting: (name) => `Guten Tag ${name},`,
    intro: {
      booked: 'Ihr Termin beim Bezirksbeamten ist bestätigt.',
      rescheduled: 'Ihr Termin beim Bezirksbeamten wurde verschoben. Hier ist der neue Zeitpunkt.',
      booking_cancelled: 'Ihr Termin beim Bezirksbeamten ist abgesagt. Sie brauchen nicht zu kommen.',
      visit_requested:
        'Wir haben Ihre Anfrage für einen Hausbesuch erhalten. Dies ist eine Anfrage, noch kein Termin: Der Bezirksbeamte bestätigt einen Zeitpunkt oder nimmt Kontakt mit Ihnen auf.',
      visit_confirmed: 'Der Bezirksbeamte hat Ihren Hausbesuch bestätigt.',
      visit_declined: 'Der Bezirksbeamte kann Ihre Anfrage für einen Hausbesuch leider nicht annehmen.',
      visit_cancelled: 'Ihre Anfrage für einen Hausbesuch ist abgesagt.',
    },
    what: 'Was',
    when: 'Wann',
    where: 'Wo',
    phone: 'Telefon des Büros',
    officer: 'Ihr Bezirksbeamter',
    preference: 'Ihr Wunsch',
    message: 'Nachricht des Bezirksbeamten',
    atHome: 'bei Ihnen zu Hause',
    dayParts: { morning: 'Vormittag', afternoon: 'Nachmittag', evening: 'Abend' },
    bring: 'Bitte mitbringen:',
    manageBooking: 'Termin ansehen, verschieben oder absagen:',
    manageVisit: 'Anfrage ansehen oder absagen:',
    attachment: 'Anhang für Ihren Kalender',
    closing: 'Mit freundlichen Grüßen',
  },
  en: {
    at: (date, time) => `${date} at ${time}`,
    span: (date, from, to) => `${date}, from ${from} to ${to}`,
    subject: {
      booked: (when) => `Your appointment with the neighbourhood officer on ${when}`,
      rescheduled: (when) => `Your appointment with the neighbourhood officer has moved to ${when}`,
      booking_cancelled: (when) => `Your appointment with the neighbourhood officer on ${when} is cancelled`,
      visit_requested: () => 'Your request for a home visit from the neighbourhood officer',
      visit_confirmed: (when) => `Home visit from the neighbourhood officer on ${when}`,
      visit_declined: () => "Your request for a home visit: the neighbourhood officer's answer",
      visit_cancelled: () => 'Your request for a home visit is cancelled',
    },
    greeting: (name) => `Dear ${name},`,
    intro: {
      booked: 'Your appointment with the neighbourhood officer is confirmed.',
      rescheduled: 'Your appointment with the neighbourhood officer has been moved. Here is the new time.',
      booking_cancelled: 'Your appointment with the neighbourhood officer is cancelled. You need not come.',
      visit_requested:
        'We have received your request for a home visit. This is a request, not yet an appointment: the neighbourhood officer will confirm a time or contact you.',
      visit_confirmed: 'The neighbourhood officer has confirmed your home visit.',
      visit_declined: 'The neighbourhood officer cannot take on your request for a home visit.',
      visit_cancelled: 'Your request for a home visit is cancelled.',
    },
    what: 'What',
    when: 'When',
    where: 'Where',
    phone: 'Office phone',
    officer: 'Your neighbourhood officer',
    preference: 'Your preference',
    message: 'Message from the officer',
    atHome: 'at your home',
    dayParts: { morning: 'morning', afternoon: 'afternoon', evening: 'evening' },
    bring: 'Please bring:',
    manageBooking: 'View, move or cancel your appointment:',
    manageVisit: 'View or cancel your request:',
    attachment: 'Attachment for your calendar',
    closing: 'Kind regards,',
  },
};

const CANCELLATIONS: ReadonlySet<ConfirmationKind> = new Set(['booking_cancelled', 'visit_cancelled']);

/**
 * Writes the e-mail for one event of a booking or home visit.
 *
 * @example
 * ```ts
 * const message = confirmationMail({ kind: 'booked', zoneName, citizen, topic, office, officerName, start, end, manageLink, calendar });
 * message.subject; // 'Uw afspraak met de wijkagent op dinsdag 4 mei 2027 om 10:00'
 * ```
 */
export function confirmationMail(facts: ConfirmationFacts): MailMessage {
  const { kind, citizen, office, topic } = facts;
  const language = citizen.language;
  const texts = TEXTS[language];
  const isVisit = facts.visit !== undefined;
  const cancelled = CANCELLATIONS.has(kind);
  const colon = language === 'fr' ? `${NBSP}:` : ':';
  const line = (label: string, value: string) => `${label}${colon} ${value}`;

  const start = facts.start === undefined ? undefined : zonedParts(facts.start, office.timeZone, language);
  const end = facts.end === undefined ? undefined : zonedParts(facts.end, office.timeZone, language);
  const subject = texts.subject[kind](start ? texts.at(start.date, start.time) : '');

  const details = [line(texts.what, topic.name[language])];
  if (start) details.push(line(texts.when, end ? texts.span(start.date, start.time, end.time) : texts.at(start.date, start.time)));
  details.push(
    line(texts.where, facts.visit ? `${texts.atHome}, ${addressLine(facts.visit.address)}` : `${office.name}, ${addressLine(office.address)}`),
  );
  if (office.phone) details.push(line(texts.phone, office.phone));
  details.push(line(texts.officer, facts.officerName));
  if (kind === 'visit_requested' && facts.visit) details.push(line(texts.preference, facts.visit.dayParts.map((part) => texts.dayParts[part]).join(', ')));
  if (facts.officerMessage) details.push(line(texts.message, facts.officerMessage));

  const paragraphs = [texts.greeting(citizen.name), texts.intro[kind], details.join('\n')];
  if (!cancelled && kind !== 'visit_declined' && topic.bring.length > 0) {
    paragraphs.push([texts.bring, ...topic.bring.map((item) => `- ${item[language]}`)].join('\n'));
  }
  paragraphs.push(`${isVisit ? texts.manageVisit : texts.manageBooking}\n${facts.manageLink}`);
  const attachments: MailMessage['attachments'] = [];
  if (facts.calendar !== undefined) {
    const filename = calendarFileName(language, cancelled);
    attachments.push({ filename, contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'PUBLISH'}`, content: facts.calendar });
    paragraphs.push(line(texts.attachment, filename));
  }
  paragraphs.push(`${texts.closing}\n${facts.zoneName}`);

  return {
    to: { name: citizen.name, address: citizen.email },
    subject,
    text: `${paragraphs.join('\n\n')}\n`,
    language,
    attachments,
  };
}

/** An office's postal address on one line: `Kerkstraat 12 bus 3, 9300 Scheldegem`. */
export function addressLine(address: { street: string; houseNumber: string; box?: string | undefined; postalCode: string; municipality: string }): string {
  const box = address.box ? ` bus ${address.box}` : '';
  return `${address.street} ${address.houseNumber}${box}, ${address.postalCode} ${address.municipality}`;
}

/** The date and time of an instant in a zone, as Belgians write them in that language. */
function zonedParts(instant: string, timeZone: string, language: Locale): { date: string; time: string } {
  const locale = `${language}-BE`;
  const at = new Date(instant);
  const date = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .formatToParts(at)
    // "le 1er mai": French writes the first of the month as an ordinal.
    .map((part) => (language === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return { date, time };
}
