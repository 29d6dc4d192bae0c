import type { Clock } from './clock.js';
import type { MailAttachment, MailMessage, MailReceipt, Mailer } from './mailer.js';
import { formatZoned } from './zoned-time.js';

/** How many messages the mailbox keeps; older ones are dropped. */
export const MAILBOX_LIMIT = 200;

/** One e-mail the zone sent (or tried to), as the development mailbox lists it. */
export interface MailRecord {
  /** `mail-1`, `mail-2`, … */
  id: string;
  /** When it was handed to the transport, in the zone's time zone. */
  sentAt: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  language: MailMessage['language'];
  attachments: MailAttachment[];
  /** The http(s) links in the text, e.g. the manage link. */
  links: string[];
  /** `sending` until the transport answers; `failed` keeps the reason. */
  status: 'sending' | 'sent' | 'failed';
  /** Why the transport refused it (for `failed`). */
  reason?: string | undefined;
  /** The message as sent (RFC 5322), when the transport keeps it. */
  raw?: string | undefined;
}

/**
 * The e-mails the zone sent, newest last, at most {@link MAILBOX_LIMIT}. A failed send never
 * fails the booking that caused it, and is never dropped silently: it stays here as `failed`
 * with the reason, and `onFailed` is told (the server logs the id, never the address).
 */
export class Mailbox {
  readonly #clock: Clock;
  readonly #timeZone: string;
  readonly #onFailed: ((record: MailRecord, error: unknown) => void) | undefined;
  #records: MailRecord[] = [];
  #sequence = 0;

  constructor(options: { clock: Clock; timeZone: string; onFailed?: ((record: MailRecord, error: unknown) => void) | undefined }) {
    this.#clock = options.clock;
    this.#timeZone = options.timeZone;
    this.#onFailed = options.onFailed;
  }

  /** Sends `message` through `mailer` and keeps it with its outcome. Returns at once. */
  deliver(message: MailMessage, mailer: Mailer): MailRecord {
    this.#sequence += 1;
    const record: MailRecord = {
      id: `mail-${this.#sequence}`,
      sentAt: formatZoned(this.#clock.now(), this.#timeZone),
      to: { ...message.to },
      subject: message.subject,
      text: message.text,
      language: message.language,
      attachments: message.attachments.map((attachment) => ({ ...attachment })),
      links: linksIn(message.text),
      status: 'sending',
    };
    this.#records.push(record);
    if (this.#records.length > MAILBOX_LIMIT) this.#records.splice(0, this.#records.length - MAILBOX_LIMIT);
    let sending: Promise<MailReceipt | void>;
    try {
      sending = mailer.send(message);
    } catch (error) {
      // A transport that throws instead of rejecting is treated the same.
      sending = Promise.reject(error);
    }
    sending.then(
      (receipt) => {
        record.status = 'sent';
        if (receipt?.raw !== undefined) record.raw = receipt.raw;
      },
      (error: unknown) => {
        record.status = 'failed';
        record.reason = error instanceof Error ? error.message : String(error);
        this.#onFailed?.(record, error);
      },
    );
    return record;
  }

  /** Every record, newest first. */
  list(): MailRecord[] {
    return [...this.#records].reverse();
  }

  /** The record with this id, if the mailbox still keeps it. */
  get(id: string): MailRecord | undefined {
    return this.#records.find((record) => record.id === id);
  }

  /** Forgets every message. Ids keep counting, so an old link never shows another message. */
  clear(): void {
    this.#records = [];
  }
}

/** The http(s) URLs in a text, in order. */
export function linksIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((match) => match[0]);
}
