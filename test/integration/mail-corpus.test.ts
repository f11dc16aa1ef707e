import fc from 'fast-check';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus } from '../unit/mail/inbound/corpus.ts';
import { mutation } from '../unit/mail/inbound/mutations.ts';
import { type Client, ownHelpdesk } from './local-helpdesk.ts';

// A helpdesk of its own: its mail queue (pending deliveries, dead letters) is only visible in its process.
let client: Client;
beforeAll(async () => {
  client = await ownHelpdesk({});
});
afterAll(async () => client.helpdesk.stop());

/** Sends the bytes as they are; the listener answers once ingestion has run on them. */
async function deliver(raw: Uint8Array): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port: client.helpdesk.mail.smtpPort, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ envelope: { from: 'sender@customer.example', to: client.helpdesk.mail.mailboxes }, raw: Buffer.from(raw) });
  } finally {
    transport.close();
  }
}

const queue = () => client.helpdesk.mail.queue;

describe('ingesting the fixture corpus through SMTP', () => {
  it('takes every message of the corpus: none waits for a retry, none is a dead letter', async () => {
    for (const fixture of corpus) await deliver(fixture.raw);

    expect(queue().pending).toBe(0);
    expect(queue().deadLetters).toEqual([]);
  });

  it('records a Polish Windows-1250 message with its text decoded', async () => {
    const raw = corpus.find((f) => f.name === 'windows-1250-8bit')!;
    const queued = await client.call('agent', 'GET', '/queues/to-assign?limit=100');

    const titles = queued.body.items.map((c: { title: string }) => c.title);

    expect(titles).toContain(raw.expected.subject);
  });
});

describe('ingesting mutated fixtures through SMTP', () => {
  it('never fails on a damaged message: each is ingested on its first delivery', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (fixture, mutations) => {
        const raw = mutations.reduce<Uint8Array>((bytes, mutate) => mutate(bytes), fixture.raw);

        await deliver(raw);

        expect(queue().pending).toBe(0);
        expect(queue().deadLetters).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
