import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageRejected, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Outbox } from '../../../local/mail/outbox.ts';
import { createSesEndpoint } from '../../../local/mail/sesv2-endpoint.ts';
import { smtpRelay } from '../../../local/mail/smtp-relay.ts';

const RAW = ['From: support@acme.example', 'To: jan@example.com', 'Subject: [#7] Relayed', 'Message-ID: <r@acme.example>', '', 'Hello.', ''].join('\r\n');

describe('the local SESv2 endpoint with LOCAL_SMTP_RELAY', () => {
  const relayed: { from: string; to: string[]; raw: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        relayed.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString() });
        done();
      });
    },
  });
  const outboxDir = mkdtempSync(join(tmpdir(), 'outbox-'));
  let server: ReturnType<typeof createSesEndpoint>;
  let ses: SESv2Client;
  const logged: string[] = [];

  beforeAll(async () => {
    await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
    const relay = smtpRelay(`smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, (line) => logged.push(line));
    server = createSesEndpoint(new Outbox(outboxDir), relay);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    ses = new SESv2Client({ endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  });
  afterAll(async () => {
    ses.destroy();
    await new Promise<void>((done) => server.close(() => done()));
    await new Promise<void>((done) => smtp.close(() => done()));
  });

  it('passes each sent message on to the relay with the envelope SES was given, and keeps it in the outbox', async () => {
    await ses.send(new SendEmailCommand({ FromEmailAddress: 'support@acme.example', Destination: { ToAddresses: ['jan@example.com'] }, Content: { Raw: { Data: Buffer.from(RAW) } } }));

    expect(relayed).toEqual([{ from: 'support@acme.example', to: ['jan@example.com'], raw: expect.stringContaining('Subject: [#7] Relayed') }]);
    expect(new Outbox(outboxDir).list()).toHaveLength(1);
  });

  it('refuses mail to the reserved .invalid domain as SES refuses mail it will not send, and sends nothing', async () => {
    const refused = ses.send(new SendEmailCommand({ FromEmailAddress: 'support@acme.example', Destination: { ToAddresses: ['x@nowhere.invalid'] }, Content: { Raw: { Data: Buffer.from(RAW) } } }));

    await expect(refused).rejects.toBeInstanceOf(MessageRejected);
    expect(relayed).toHaveLength(1);
  });

  it('logs a relay that is down and still answers the send', async () => {
    const down = smtpRelay('smtp://127.0.0.1:1', (line) => logged.push(line))!;

    await down(Buffer.from(RAW), { from: 'support@acme.example', to: ['jan@example.com'] });

    expect(logged.at(-1)).toMatch(/could not relay a message to jan@example.com/);
  });
});
