import type { Hono } from 'hono';
import type { AccountEmail, AccountEmailSender, AccountNoticeSender } from 'profilekit/server';

/** One message the development outbox caught instead of mailing it. */
export interface OutboxMessage {
  id: number;
  kind: 'reset-password' | 'verify-email' | 'email-change-requested' | 'email-in-use';
  to: string;
  subject: string;
  /** The link to follow; empty for a notice, which carries none. */
  url: string;
  /** A notice's text. */
  text?: string;
  sentAt: string;
}

/**
 * A development stand-in for a mail service: reset and verification messages are printed to the console
 * and listed at /dev/outbox (and /dev/outbox.json), so the demo works with no mail set-up. It holds the
 * last 100 messages in memory. Never used when NODE_ENV is production: see {@link outboxFromEnvironment}.
 */
export interface DevOutbox {
  readonly messages: readonly OutboxMessage[];
  sendResetPassword: AccountEmailSender;
  sendVerificationEmail: AccountEmailSender;
  sendAccountNotice: AccountNoticeSender;
}

const SUBJECTS = {
  'reset-password': 'Reset your password',
  'verify-email': 'Verify your email address',
  'email-change-requested': 'A change of your email address was requested',
  'email-in-use': 'This address already has an account',
} as const;

export function createDevOutbox(log: (line: string) => void = console.log): DevOutbox {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('The development outbox shows sign-in links to anyone: it never runs in production');
  }
  const messages: OutboxMessage[] = [];
  let next = 1;
  const sender =
    (kind: OutboxMessage['kind']): AccountEmailSender =>
    ({ user, url }: AccountEmail) => {
      const message = {
        id: next++,
        kind,
        to: user.email,
        subject: SUBJECTS[kind],
        url,
        sentAt: new Date().toISOString(),
      };
      messages.unshift(message);
      messages.length = Math.min(messages.length, 100);
      log(`profilekit dev outbox: "${message.subject}" to ${message.to}: ${url}`);
    };
  const sendAccountNotice: AccountNoticeSender = (notice) => {
    const text =
      notice.kind === 'email-change-requested'
        ? `Your account's address changes to ${notice.newEmail} once the link sent there is followed. Not you? Change your password.`
        : 'Someone asked to move another account onto this address, which already has an account here. Nothing changed.';
    const message = {
      id: next++,
      kind: notice.kind,
      to: notice.to,
      subject: SUBJECTS[notice.kind],
      url: '',
      text,
      sentAt: new Date().toISOString(),
    };
    messages.unshift(message);
    messages.length = Math.min(messages.length, 100);
    log(`profilekit dev outbox: "${message.subject}" to ${message.to}`);
  };
  return {
    messages,
    sendResetPassword: sender('reset-password'),
    sendVerificationEmail: sender('verify-email'),
    sendAccountNotice,
  };
}

/** The outbox for this process: none in production, whatever else is set. */
export function outboxFromEnvironment(env: NodeJS.ProcessEnv = process.env): DevOutbox | null {
  return env.NODE_ENV === 'production' ? null : createDevOutbox();
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Addresses and names come from whoever signed up: nothing of theirs reaches the page unescaped. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Serves the outbox at /dev/outbox (a page) and /dev/outbox.json. */
export function mountDevOutbox(app: Hono, outbox: DevOutbox) {
  const headers = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex' };
  app.get('/dev/outbox.json', (c) => c.json({ messages: outbox.messages }, 200, headers));
  app.get('/dev/outbox', (c) => {
    const rows = outbox.messages
      .map(
        (m) =>
          `<li><p><strong>${escapeHtml(m.subject)}</strong> to ${escapeHtml(m.to)} <time datetime="${escapeHtml(m.sentAt)}">${escapeHtml(m.sentAt)}</time></p>${m.url ? `<p><a href="${escapeHtml(m.url)}">${escapeHtml(m.url)}</a></p>` : `<p>${escapeHtml(m.text ?? '')}</p>`}</li>`,
      )
      .join('\n');
    return c.html(
      `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Development outbox</title></head>
<body>
<main>
<h1>Development outbox</h1>
<p>Messages the reference server would have mailed, newest first. This page exists only outside production.</p>
${rows ? `<ol>\n${rows}\n</ol>` : '<p>No messages yet.</p>'}
</main>
</body>
</html>`,
      200,
      headers,
    );
  });
}
