import express, { type Request, type Response } from 'express';
import { DEMO_CONTENT_SECURITY_POLICY } from './content-security-policy.js';
import type { MailRecord, Mailbox } from './domain/mailbox.js';
import { escapeHtml } from './escape-html.js';

// The development mailbox: what the server would have e-mailed, readable in a browser and by
// tests, when no SMTP server is configured. Messages hold personal data (invented, in a demo),
// so nothing is cached and every value is escaped; the pages run under the demo CSP.

const STYLE = `body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-inline-size: 60rem; padding: 1rem; color: #1a1a1a; }
a { color: #1f4e9c; }
a:focus-visible { outline: 3px solid #1f4e9c; outline-offset: 2px; }
table { border-collapse: collapse; inline-size: 100%; }
th, td { text-align: start; padding: 0.25rem 0.5rem; border-block-end: 1px solid #ccc; vertical-align: top; }
pre { white-space: pre-wrap; background: #f4f4f4; padding: 1rem; }
.failed { color: #a00; font-weight: 600; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; }`;

/**
 * Routes of the development mailbox: `GET /dev/mailbox` (the list, newest first),
 * `/dev/mailbox.json`, `/dev/mailbox/:id`, `/dev/mailbox/:id.eml` and
 * `/dev/mailbox/:id/attachments/:n`.
 */
export function devMailboxRouter(mailbox: () => Mailbox): express.Router {
  const router = express.Router();
  router.use('/dev', (_request: Request, response: Response, next) => {
    response.set({
      'Content-Security-Policy': DEMO_CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    next();
  });
  router.get('/dev/mailbox.css', (_request, response) => {
    response.type('text/css').send(STYLE);
  });
  router.get('/dev/mailbox.json', (_request, response) => {
    response.json({
      items: mailbox()
        .list()
        .map((record): DevMailboxItem => ({
          id: record.id,
          sentAt: record.sentAt,
          to: record.to,
          subject: record.subject,
          text: record.text,
          links: record.links,
          attachments: record.attachments.map((attachment) => attachment.filename),
          status: record.status,
          ...(record.reason === undefined ? {} : { reason: record.reason }),
        })),
    });
  });
  router.get('/dev/mailbox', (_request, response) => {
    response.type('html').send(listPage(mailbox().list()));
  });
  router.get('/dev/mailbox/:name', (request, response) => {
    const name = String(request.params['name']);
    const eml = name.endsWith('.eml');
    const record = mailbox().get(eml ? name.slice(0, -4) : name);
    if (!record) return notFound(response, 'This message is not (or no longer) in the mailbox; it keeps the last 200.');
    if (!eml) {
      response.type('html').send(messagePage(record));
      return;
    }
    if (record.raw === undefined) return notFound(response, 'This message has no raw form (it is still being sent, or it failed).');
    response.set('Content-Disposition', `attachment; filename="${record.id}.eml"`).type('message/rfc822').send(record.raw);
  });
  router.get('/dev/mailbox/:id/attachments/:index', (request, response) => {
    const record = mailbox().get(String(request.params['id']));
    const attachment = record?.attachments[Number(request.params['index'])];
    if (!attachment || !/^\d+$/.test(String(request.params['index']))) return notFound(response, 'There is no such attachment.');
    response
      .set({ 'Content-Type': attachment.contentType, 'Content-Disposition': `attachment; filename="${attachment.filename.replace(/["\\\r\n]/g, '_')}"` })
      .send(attachment.content);
  });
  return router;
}

function notFound(response: Response, detail: string): void {
  response.status(404).type('html').send(page('Not in the mailbox', `<p>${escapeHtml(detail)}</p><p><a href="/dev/mailbox">Back to the mailbox</a></p>`));
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} – Blauw development mailbox</title>
<link rel="stylesheet" href="/dev/mailbox.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function status(record: MailRecord): string {
  if (record.status !== 'failed') return escapeHtml(record.status);
  return `<span class="failed">failed</span>${record.reason ? `: ${escapeHtml(record.reason)}` : ''}`;
}

function recipient(record: MailRecord): string {
  return `${record.to.name} <${record.to.address}>`;
}

function listPage(records: readonly MailRecord[]): string {
  const rows = records
    .map(
      (record) =>
        `<tr><td><time datetime="${escapeHtml(record.sentAt)}">${escapeHtml(record.sentAt)}</time></td><td>${escapeHtml(recipient(record))}</td>` +
        `<td><a href="/dev/mailbox/${encodeURIComponent(record.id)}">${escapeHtml(record.subject)}</a></td><td>${status(record)}</td></tr>`,
    )
    .join('\n');
  const table =
    records.length === 0
      ? '<p>No e-mails yet. Book a meeting or ask for a home visit, and the confirmation appears here.</p>'
      : `<table>
<caption>E-mails, newest first (the last 200)</caption>
<thead><tr><th scope="col">Sent</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Status</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return page(
    'Development mailbox',
    `<h1>Development mailbox</h1>
<p>What the server would have e-mailed; no SMTP server is configured, so nothing left this machine. <a href="/dev/mailbox.json">As JSON</a> · <a href="/">Server index</a></p>
${table}`,
  );
}

function messagePage(record: MailRecord): string {
  const base = `/dev/mailbox/${encodeURIComponent(record.id)}`;
  const attachments = record.attachments
    .map((attachment, index) => `<li><a href="${base}/attachments/${index}" download="${escapeHtml(attachment.filename)}">${escapeHtml(attachment.filename)}</a> (${escapeHtml(attachment.contentType)})</li>`)
    .join('');
  return page(
    record.subject,
    `<p><a href="/dev/mailbox">Back to the mailbox</a></p>
<h1>${escapeHtml(record.subject)}</h1>
<dl>
<dt>To</dt><dd>${escapeHtml(recipient(record))}</dd>
<dt>Sent</dt><dd><time datetime="${escapeHtml(record.sentAt)}">${escapeHtml(record.sentAt)}</time></dd>
<dt>Language</dt><dd>${escapeHtml(record.language)}</dd>
<dt>Status</dt><dd>${status(record)}</dd>
</dl>
<h2>Text</h2>
<pre lang="${escapeHtml(record.language)}">${escapeHtml(record.text)}</pre>
<h2>Links</h2>
${record.links.length === 0 ? '<p>None.</p>' : `<ul>${record.links.map((link) => `<li><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></li>`).join('')}</ul>`}
<h2>Attachments</h2>
${attachments === '' ? '<p>None.</p>' : `<ul>${attachments}</ul>`}
${record.raw === undefined ? '' : `<p><a href="${base}.eml" download="${escapeHtml(record.id)}.eml">The raw message (.eml)</a></p>`}`,
  );
}

/** One message as `GET /dev/mailbox.json` lists it (attachments by file name). */
export interface DevMailboxItem {
  id: string;
  sentAt: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  links: string[];
  attachments: string[];
  status: 'sending' | 'sent' | 'failed';
  reason?: string;
}
