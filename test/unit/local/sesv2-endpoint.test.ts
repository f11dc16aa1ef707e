import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BadRequestException, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Outbox } from '../../../local/mail/outbox.ts';
import { createSesEndpoint } from '../../../local/mail/sesv2-endpoint.ts';

const RAW = ['From: support@acme.example', 'To: jan@example.com', 'Subject: [#1042] Printer', 'Message-ID: <a@acme.example>', '', 'Fixed.', ''].join('\r\n');

describe('the local SESv2 endpoint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
  const server = createSesEndpoint(new Outbox(dir));
  let url: string;
  let ses: SESv2Client;
  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ses = new SESv2Client({ endpoint: url, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  });
  afterAll(async () => {
    ses.destroy();
    await new Promise<void>((done) => server.close(() => done()));
  });

  it('takes a raw SendEmail from the SDK unchanged and puts the message in the outbox', async () => {
    const sent = await ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'support@acme.example',
        Destination: { ToAddresses: ['jan@example.com'] },
        Content: { Raw: { Data: Buffer.from(RAW) } },
        ConfigurationSetName: 'helpdesk',
      }),
    );

    const listing = (await (await fetch(`${url}/outbox`)).json()) as { messages: { messageId: string }[] };
    const raw = await (await fetch(`${url}/outbox/${sent.MessageId}.eml`)).text();
    expect(listing.messages.at(-1)).toMatchObject({
      messageId: sent.MessageId,
      from: 'support@acme.example',
      to: ['jan@example.com'],
      configurationSet: 'helpdesk',
      size: RAW.length,
    });
    expect(raw).toBe(RAW);
  });

  it('keeps what was sent for an outbox opened again on the same folder (a restart)', async () => {
    const sent = await ses.send(new SendEmailCommand({ Content: { Raw: { Data: Buffer.from(RAW) } } }));

    const reopened = new Outbox(dir);

    expect(reopened.list().map((m) => m.messageId)).toContain(sent.MessageId);
    expect(reopened.raw(sent.MessageId!)?.toString()).toBe(RAW);
  });

  it('refuses a message that is not raw MIME with a BadRequestException the SDK understands', async () => {
    const simple = ses.send(
      new SendEmailCommand({ Destination: { ToAddresses: ['jan@example.com'] }, Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'y' } } } } }),
    );

    await expect(simple).rejects.toBeInstanceOf(BadRequestException);
  });

  it.each(['/outbox/../../etc/passwd.eml', '/outbox/nope.eml', '/v2/email/identities'])('answers 404 for %s', async (path) => {
    const response = await fetch(`${url}${path}`);

    expect(response.status).toBe(404);
  });
});
