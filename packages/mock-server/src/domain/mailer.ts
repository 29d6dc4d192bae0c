import type { Locale } from '@blauw/core';

// What the booking desk needs from an e-mail transport, and nothing more: the domain stays
// browser-safe (the msw handlers also run in a service worker), so nodemailer lives only in the
// Node server (src/mail-transport.ts), behind this interface.

/** A file attached to an e-mail. */
export interface MailAttachment {
  /** File name in the citizen's language, e.g. `afspraak.ics`. */
  filename: string;
  /** e.g. `text/calendar; charset=utf-8; method=PUBLISH`. */
  contentType: string;
  content: string;
}

/** One e-mail as the domain writes it; the transport adds the sender and the MIME structure. */
export interface MailMessage {
  to: { name: string; address: string };
  subject: string;
  /** Plain-text body. */
  text: string;
  /** The language the text is in (`Content-Language`). */
  language: Locale;
  attachments: MailAttachment[];
}

/** What a transport may tell about a message it sent. */
export interface MailReceipt {
  /** The message as sent (RFC 5322), when the transport keeps it (the development mailbox does). */
  raw?: string | undefined;
  messageId?: string | undefined;
}

/**
 * Sends e-mail. The Node server's is nodemailer (SMTP, or a development mailbox); tests pass a
 * fake that collects the messages.
 *
 * @example
 * ```ts
 * const sent: MailMessage[] = [];
 * const zone = createZone({ mailer: { send: async (message) => void sent.push(message) } });
 * ```
 */
export interface Mailer {
  /** Resolves once the message is handed over; rejects with the reason it could not be. */
  send(message: MailMessage): Promise<MailReceipt | void>;
}

/** A mailer that sends nothing: the messages only land in the zone's mailbox (msw, the browser). */
export const mailboxOnlyMailer: Mailer = { send: () => Promise.resolve() };
