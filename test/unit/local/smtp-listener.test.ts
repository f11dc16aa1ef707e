import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { S3Event, SQSEvent } from 'aws-lambda';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpListener, type SmtpListener } from '../../../local/mail/smtp-listener.ts';
import { freePort } from '../../../local/free-port.ts';
import { startLocalS3, type LocalS3 } from '../../../local/storage/local-s3.ts';

const Bucket = 'helpdesk-inbound-mail';
const GTUBE = 'XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X';
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

const message = (body: string): string =>
  ['From: Jan <jan@example.com>', 'To: support@acme.example', 'Subject: Printer', 'Message-ID: <m1@example.com>', '', body, ''].join('\r\n');

/** A message with an attachment nodemailer encodes in base64, so the test string never appears in the raw bytes. */
const withAttachment = (content: string): Promise<Buffer> =>
  nodemailer
    .createTransport({ streamTransport: true, buffer: true })
    .sendMail({
      from: 'jan@example.com',
      to: 'support@acme.example',
      text: 'See attached.',
      attachments: [{ filename: 'test.com', content, contentTransferEncoding: 'base64' }],
    })
    .then((info) => info.message as Buffer);

describe('the local SMTP listener', () => {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-'));
  let localS3: LocalS3;
  let s3: S3Client;
  let listener: SmtpListener;
  let delivered: SQSEvent[];
  let failDelivery: boolean;

  const send = (envelope: { from: string; to: string[] }, raw: string | Buffer) =>
    nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true }).sendMail({ envelope, raw });

  const storedKeys = async (): Promise<string[]> =>
    ((await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'raw/' }))).Contents ?? []).map((o) => o.Key!);

  async function lastDelivery(): Promise<{ notification: S3Event; stored: Buffer }> {
    const notification = JSON.parse(delivered.at(-1)!.Records[0]!.body) as S3Event;
    const key = decodeURIComponent(notification.Records[0]!.s3.object.key.replace(/\+/g, ' '));
    const object = await s3.send(new GetObjectCommand({ Bucket, Key: key }));
    return { notification, stored: Buffer.from(await object.Body!.transformToByteArray()) };
  }

  beforeAll(async () => {
    localS3 = await startLocalS3({ dir, port: await freePort() });
    s3 = new S3Client({
      endpoint: localS3.endpoint,
      forcePathStyle: true,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    await s3.send(new CreateBucketCommand({ Bucket }));
    listener = await startSmtpListener({
      port: await freePort(),
      s3,
      bucket: Bucket,
      deliver: async (event) => {
        if (failDelivery) throw new Error('ingestion down');
        delivered.push(event);
      },
    });
  });
  beforeEach(() => {
    delivered = [];
    failDelivery = false;
  });
  afterAll(async () => {
    await listener.stop();
    await localS3.stop();
    s3.destroy();
  });

  it('stores the message under raw/<id> with the SES headers above it and the message unchanged below', async () => {
    const raw = message('Every page since Monday.');

    const info = await send({ from: 'jan@example.com', to: ['support@acme.example'] }, raw);

    const { notification, stored } = await lastDelivery();
    const key = notification.Records[0]!.s3.object.key;
    const id = /^raw\/([a-z0-9]{40})$/.exec(key)![1]!;
    const headers = stored.subarray(0, stored.length - raw.length).toString();
    expect(info.response).toMatch(/^250 /);
    expect(await storedKeys()).toContain(key);
    expect(headers).toMatch(
      new RegExp(
        '^Return-Path: <jan@example\\.com>\\r\\n' +
          `Received: from \\S+ \\(127\\.0\\.0\\.1\\) by local-smtp with SMTP id ${id} for support@acme\\.example; ` +
          '\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000\\r\\n' +
          'X-SES-Spam-Verdict: PASS\\r\\nX-SES-Virus-Verdict: PASS\\r\\nX-SES-Envelope-To: support@acme\\.example\\r\\n$',
      ),
    );
    expect(stored.subarray(headers.length).toString()).toBe(raw);
  });

  it('delivers the SQS event of the S3 notification for the stored object', async () => {
    await send({ from: 'jan@example.com', to: ['support@acme.example'] }, message('Hello'));

    const [record] = delivered[0]!.Records;
    const { notification, stored } = await lastDelivery();
    expect(delivered).toHaveLength(1);
    expect(record).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: expect.stringMatching(/^arn:aws:sqs:eu-central-1:\d{12}:/),
      md5OfBody: createHash('md5').update(record!.body).digest('hex'),
      attributes: { ApproximateReceiveCount: '1' },
    });
    expect(notification.Records[0]).toMatchObject({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      s3: {
        s3SchemaVersion: '1.0',
        bucket: { name: Bucket, arn: `arn:aws:s3:::${Bucket}` },
        object: { size: stored.length, eTag: createHash('md5').update(stored).digest('hex') },
      },
    });
  });

  it.each([
    { name: 'a clean message', raw: () => message('Just a printer.'), spam: 'PASS', virus: 'PASS' },
    { name: 'the GTUBE string', raw: () => message(`Buy now ${GTUBE}`), spam: 'FAIL', virus: 'PASS' },
    { name: 'the EICAR string in a base64 attachment', raw: () => withAttachment(EICAR), spam: 'PASS', virus: 'FAIL' },
  ])('gives $name the spam verdict $spam and the virus verdict $virus', async ({ raw, spam, virus }) => {
    const body = await raw();

    await send({ from: 'jan@example.com', to: ['support@acme.example'] }, body);

    const { stored } = await lastDelivery();
    expect(stored.toString()).toContain(`X-SES-Spam-Verdict: ${spam}\r\nX-SES-Virus-Verdict: ${virus}\r\n`);
    expect(stored.toString()).not.toContain(EICAR);
  });

  it('writes Return-Path: <> for the null sender', async () => {
    await send({ from: '', to: ['support@acme.example'] }, message('Delivery failed.'));

    const { stored } = await lastDelivery();
    expect(stored.toString()).toMatch(/^Return-Path: <>\r\n/);
  });

  it('writes one X-SES-Envelope-To per recipient, naming the first in Received', async () => {
    await send({ from: 'jan@example.com', to: ['support@acme.example', 'billing@acme.example'] }, message('Both.'));

    const { stored } = await lastDelivery();
    expect(stored.toString()).toMatch(/ for support@acme\.example; /);
    expect(stored.toString().match(/^X-SES-Envelope-To: .*/gm)).toEqual([
      'X-SES-Envelope-To: support@acme.example',
      'X-SES-Envelope-To: billing@acme.example',
    ]);
  });

  it('refuses a message over the 40 MB SES limit with 552 and stores nothing', { timeout: 30_000 }, async () => {
    const before = await storedKeys();
    const raw = message(`${'x'.repeat(998)}\r\n`.repeat(42_000));

    const refused = await send({ from: 'jan@example.com', to: ['support@acme.example'] }, raw).catch((error: unknown) => error);

    expect(refused).toMatchObject({ responseCode: 552, command: 'DATA' });
    expect(await storedKeys()).toEqual(before);
    expect(delivered).toEqual([]);
  });

  it('still answers 250 and keeps the object when delivery fails', async () => {
    failDelivery = true;
    const before = await storedKeys();

    const info = await send({ from: 'jan@example.com', to: ['support@acme.example'] }, message('Kept.'));

    expect(info.response).toMatch(/^250 /);
    expect(await storedKeys()).toHaveLength(before.length + 1);
  });

  // Last: it stops the S3 endpoint.
  it('answers 4xx and delivers nothing when the object cannot be stored', { timeout: 30_000 }, async () => {
    await localS3.stop();

    const refused = await send({ from: 'jan@example.com', to: ['support@acme.example'] }, message('Later.')).catch((error: unknown) => error);

    expect(refused).toMatchObject({ responseCode: 451 });
    expect(delivered).toEqual([]);
  });
});
