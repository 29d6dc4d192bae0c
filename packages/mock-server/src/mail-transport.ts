import { createTransport } from 'nodemailer';
import type { Clock } from './domain/clock.js';
import type { MailMessage, Mailer } from './domain/mailer.js';

// The Node server's e-mail: nodemailer over SMTP when the zone configures one, else nodemailer's
// stream transport, which builds the real RFC 5322 message (MIME parts, encodings) and hands it
// back instead of sending it, for the development mailbox at /dev/mailbox. nodemailer replaces
// a MIME writer and an SMTP client we would otherwise write and get wrong (folding, encodings,
// STARTTLS). Only this module imports it: the domain and the msw handlers stay browser-safe.

/** A mailer with a way to let go of its connections. */
export interface ClosableMailer extends Mailer {
  /** `smtp` sends for real; `mailbox` keeps the messages for /dev/mailbox. */
  readonly kind: 'smtp' | 'mailbox';
  close(): void;
}

/**
 * A nodemailer mailer from `from` (e.g. `Politiezone Scheldeland <noreply@pz-scheldeland.example>`)
 * and an SMTP URL (`smtp://user:pass@host:587`, `smtps://…:465`), or the development mailbox
 * without one. The `Date` header comes from `clock`.
 */
export function createNodeMailer(options: { from: string; smtpUrl?: string | undefined; clock: Clock }): ClosableMailer {
  const smtp = options.smtpUrl !== undefined && options.smtpUrl !== '';
  // CRLF line ends: the .eml files are real RFC 5322 messages.
  const transport = smtp ? createTransport(options.smtpUrl as string) : createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    kind: smtp ? 'smtp' : 'mailbox',
    async send(message: MailMessage) {
      const info: { messageId?: string; message?: unknown } = await transport.sendMail({
        from: options.from,
        to: { name: message.to.name, address: message.to.address },
        subject: message.subject,
        // The server's clock, not the machine's: a demo started with --now dates its e-mails then.
        date: options.clock.now(),
        text: message.text,
        headers: { 'Content-Language': message.language, 'Auto-Submitted': 'auto-generated' },
        attachments: message.attachments.map((attachment) => ({
          filename: attachment.filename,
          content: attachment.content,
          contentType: attachment.contentType,
        })),
      });
      const raw = Buffer.isBuffer(info.message) ? info.message.toString('utf8') : undefined;
      return { raw, messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
