import { randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerError, type SMTPServerSession } from 'smtp-server';
import { s3NotificationEvent } from './s3-notification-event.ts';
import { sesVerdicts } from './ses-verdicts.ts';

/** The largest message SES receives, headers and encoded attachments included. */
export const SES_MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

export interface SmtpListenerOptions {
  port: number;
  /** Loopback unless asked otherwise: the listener takes mail from anyone who can reach it. */
  host?: string;
  /** Pointed at the local S3 endpoint, with `forcePathStyle: true`. */
  s3: S3Client;
  bucket: string;
  /** Hands the queue's event to the ingestion handler, as the SQS event source mapping would. */
  deliver: (event: SQSEvent) => Promise<void>;
  log?: (line: string) => void;
}

export interface SmtpListener {
  port: number;
  stop: () => Promise<void>;
}

/**
 * The local stand-in for SES receiving: a real SMTP listener that stores each message in S3 under
 * `raw/<id>` with the headers SES prepends, then pushes the SQS event of the S3 notification to
 * the ingestion handler, so the cloud path (SES → S3 → SQS → Lambda) runs unchanged locally.
 */
export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const { host = '127.0.0.1', log = () => {} } = options;
  const server = new SMTPServer({
    name: 'local-smtp',
    banner: 'local helpdesk inbound mail, standing in for SES receiving',
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: SES_MAX_MESSAGE_BYTES,
    // Offline, a reverse DNS lookup per connection only adds a wait; the HELO name serves instead.
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      receive(options, log, stream, session).then(() => callback(), callback);
    },
  });
  // Without a listener, a client's dropped connection would be an unhandled 'error' event and end the process.
  server.on('error', (error) => log(`smtp: ${String(error)}`));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

async function receive(
  options: SmtpListenerOptions,
  log: (line: string) => void,
  stream: SMTPServerDataStream,
  session: SMTPServerSession,
): Promise<void> {
  const raw = await readMessage(stream);
  if (!raw) throw smtpError(552, `5.3.4 Message exceeds the ${SES_MAX_MESSAGE_BYTES}-byte SES limit`);
  const id = sesMessageId();
  const key = `raw/${id}`;
  const stored = Buffer.concat([Buffer.from(sesHeaders(id, session, raw), 'latin1'), raw]);
  let eTag: string | undefined;
  try {
    ({ ETag: eTag } = await options.s3.send(new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: stored })));
  } catch (error) {
    // Nothing is acknowledged that is not stored: a 4xx makes the sending server queue and retry.
    log(`smtp: could not store ${key}: ${String(error)}`);
    throw smtpError(451, '4.3.0 Message not stored, try again later');
  }
  log(`smtp: stored s3://${options.bucket}/${key} (${stored.length} bytes) for ${recipients(session).join(', ')}`);
  try {
    // Awaited, so a local sender's 250 means the handler has run: tests and curl users see the case at once.
    await options.deliver(s3NotificationEvent(options.bucket, key, stored.length, eTag ?? ''));
  } catch (error) {
    // The object is kept and the client still gets 250, as SES would have accepted it; the local
    // runtime re-delivers stored but unprocessed objects when it restarts.
    log(`smtp: ingestion of ${key} failed: ${String(error)}`);
  }
}

/** The message as received, or undefined once it passes the size limit (the rest is drained, not kept). */
async function readMessage(stream: SMTPServerDataStream): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) if (!stream.sizeExceeded) chunks.push(chunk as Buffer);
  return stream.sizeExceeded ? undefined : Buffer.concat(chunks);
}

/**
 * The headers SES writes above the message, in its order. X-SES-Envelope-To is not one of them:
 * SES carries the envelope in its receipt notification and the Received header's `for` clause,
 * which names one recipient only; locally this header keeps every RCPT TO with the stored object,
 * and ingestion (which reads To, Cc and Received) may use it.
 */
function sesHeaders(id: string, session: SMTPServerSession, raw: Buffer): string {
  const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  const to = recipients(session);
  const client = session.hostNameAppearsAs || session.clientHostname;
  const verdicts = sesVerdicts(raw);
  return [
    `Return-Path: <${from}>`,
    `Received: from ${client} (${session.remoteAddress}) by local-smtp with SMTP id ${id} for ${to[0] ?? ''}; ${rfc2822Date(new Date())}`,
    `X-SES-Spam-Verdict: ${verdicts.spam}`,
    `X-SES-Virus-Verdict: ${verdicts.virus}`,
    ...to.map((address) => `X-SES-Envelope-To: ${address}`),
    '',
  ].join('\r\n');
}

const recipients = (session: SMTPServerSession): string[] => session.envelope.rcptTo.map((rcpt) => rcpt.address);

/** `Wed, 25 Nov 2026 20:31:31 +0000`: toUTCString's `GMT` is only the obsolete form in RFC 2822. */
const rfc2822Date = (date: Date): string => date.toUTCString().replace(/GMT$/, '+0000');

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** SES's inbound message ids are 40 lowercase letters and digits; the object key and Received header share it. */
const sesMessageId = (): string => Array.from({ length: 40 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');

function smtpError(responseCode: number, message: string): SMTPServerError {
  return Object.assign(new Error(message), { responseCode });
}
