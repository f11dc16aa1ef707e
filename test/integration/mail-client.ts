import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { inject } from 'vitest';
import { api } from './api-client.ts';

/** The local helpdesk's first mailbox, e.g. support@demo.helpdesk.example. */
export const mailbox = (): string => inject('mailboxes')[0]!;

export const uniqueSender = (name = 'customer'): string => `${name}-${randomUUID().slice(0, 8)}@customer.example`;

/** Sends a message to the local SMTP listener; it answers once the message has been ingested. */
export async function sendMail(message: { from: string; to?: string | string[]; subject: string; text: string; html?: string; messageId?: string; inReplyTo?: string; references?: string[]; headers?: Record<string, string>; attachments?: { filename: string; content: Buffer | string; contentType?: string }[] }): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port: inject('smtpPort'), secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ to: mailbox(), ...message });
  } finally {
    transport.close();
  }
}

/** Sends raw bytes as they are, envelope given, for messages no mail client would compose. */
export async function sendRaw(raw: string | Buffer, envelope: { from: string; to: string[] }): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port: inject('smtpPort'), secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ envelope, raw });
  } finally {
    transport.close();
  }
}

/** The cases of the customer with this e-mail, newest first (none when the sender is no customer). */
export async function casesOf(email: string): Promise<any[]> {
  const found = await api('agent', 'GET', `/customers?email=${encodeURIComponent(email)}`);
  if (found.status !== 200) return [];
  const cases = await api('agent', 'GET', `/customers/${found.body.customer.id}/cases`);
  return cases.body.items;
}

export async function timeline(caseId: string): Promise<any[]> {
  const page = await api('agent', 'GET', `/cases/${caseId}/timeline?order=oldest_first&limit=100`);
  return page.body.items;
}

/** The raw messages the local SES sent to this recipient, oldest first. */
export async function outboxFor(recipient: string): Promise<string[]> {
  const listing = (await (await fetch(inject('outboxUrl'))).json()) as { messages: { messageId: string; to: string[]; sentAt: string }[] };
  const mine = listing.messages.filter((m) => m.to.includes(recipient)).sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  return Promise.all(mine.map(async (m) => (await fetch(`${inject('outboxUrl')}/${m.messageId}.eml`)).text()));
}
