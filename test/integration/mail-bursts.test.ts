import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, eventually, ownHelpdesk } from './local-helpdesk.ts';

// A helpdesk of its own, in the project that runs alone (vitest.config.ts): the bursts measure
// concurrent ingestion, which other test files competing for the two cores would distort.
let client: Client;
beforeAll(async () => {
  client = await ownHelpdesk({});
});
afterAll(async () => client.helpdesk.stop());

const mailbox = () => client.helpdesk.mail.mailboxes[0]!;
const run = Math.random().toString(36).slice(2, 8);

async function send(message: { from: string; to?: string; subject: string; text: string }): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port: client.helpdesk.mail.smtpPort, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ to: mailbox(), ...message });
  } finally {
    transport.close();
  }
}

async function allPages(path: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: any[]; nextCursor: string | null } } = await client.call('agent', 'GET', `${path}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

describe('a burst of mail', () => {
  it('turns 100 messages sent at once to one mailbox into 100 cases, each once', async () => {
    const subjects = Array.from({ length: 100 }, (_, i) => `Burst ${run} #${i}`);

    await Promise.all(subjects.map((subject, i) => send({ from: `burst-${run}-${i}@customer.example`, subject, text: `Message ${i}.` })));
    // Each was ingested before its 250; on a starved machine a delivery can time out and is retried, as SQS would.
    await eventually(async () => client.helpdesk.mail.queue.pending === 0, 60_000);

    const queued = (await allPages('/queues/to-assign')).filter((c) => c.title.startsWith(`Burst ${run} `));
    expect(queued.map((c) => c.title).sort()).toEqual([...subjects].sort());
    expect(new Set(queued.map((c) => c.number)).size).toBe(100);
    expect(client.helpdesk.mail.queue.pending).toBe(0);
    expect(client.helpdesk.mail.queue.deadLetters).toEqual([]);
  });

  it('records 20 replies sent at once to one case, each once, in one unbroken timeline', async () => {
    const from = `busy-${run}@customer.example`;
    await send({ from, subject: `Busy ${run}`, text: 'First.' });
    const [busy] = (await allPages('/queues/to-assign')).filter((c) => c.title === `Busy ${run}`);
    const [local, domain] = mailbox().split('@');
    const texts = Array.from({ length: 20 }, (_, i) => `Reply ${i}.`);

    await Promise.all(texts.map((text) => send({ from, to: `${local}+c.${busy.id}@${domain}`, subject: `Re: Busy ${run}`, text })));

    const timeline = await allPages(`/cases/${busy.id}/timeline`);
    const inbound = timeline.filter((e) => e.type === 'inbound_message').map((e) => e.text);
    expect(inbound.sort()).toEqual(['First.', ...texts].sort());
    expect(timeline.map((e) => e.seq).sort((a, b) => a - b)).toEqual(timeline.map((_, i) => i + 1));
    expect(client.helpdesk.mail.queue.deadLetters).toEqual([]);
  });
});
