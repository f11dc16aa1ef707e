import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { FUNCTION_TIMEOUT_SECONDS } from '../functions/shared/function-timeout.ts';
import { lambdaContext } from '../local/lambda-context.ts';
import { LOCAL_REGION } from '../local/local-account.ts';
import { LOCAL_MAIL_BUCKET } from '../local/mail/local-mail.ts';
import { s3NotificationEvent } from '../local/mail/s3-notification-event.ts';
import { SES_MAX_MESSAGE_BYTES } from '../local/mail/smtp-listener.ts';
import type { LocalHelpdesk } from '../local/start.ts';
import { REPO_ROOT } from './entries.ts';
import { toAssignTitles } from './mail-client.ts';
import type { Verdict } from './targets.ts';

const RUNNER = join(REPO_ROOT, 'bench', 'mail-ingest-once.mjs');
/** As lib/handler-function.ts sets it for every function. */
const LAMBDA_NODE_OPTIONS = '--enable-source-maps';
/** The target: the function's peak RSS stays under this many times the message it ingests. */
export const PEAK_RSS_TARGET_RATIO = 5;
/** Room left under SES's limit for rounding; the message is otherwise as large as SES takes. */
const SIZE_MARGIN_BYTES = 1024;
/** Base64 turns 57 bytes into a 76-character line, 78 bytes with its CRLF. */
const BYTES_PER_LINE = 57;
const ENCODED_LINE_BYTES = 78;

export interface LargeMessageIngestion {
  /** The object as stored under raw/, SES's headers included. */
  messageBytes: number;
  attachmentBytes: number;
  /** The process after importing the bundle, just before the handler runs. */
  rssBeforeBytes: number;
  /** The process's high-water mark (VmHWM), or the highest 10 ms sample if that is higher. */
  peakRssBytes: number;
  ingestMs: number;
  verdict: Verdict;
}

/**
 * The largest message SES accepts, a text part and one attachment of random bytes, stored under
 * raw/ as the receiving service stores it, then ingested by the deployed ingest-mail bundle in a
 * fresh node process against the local helpdesk's DynamoDB Local and S3.
 */
export async function measureLargeMessage(helpdesk: LocalHelpdesk, ingestBundle: string, failures: string[]): Promise<LargeMessageIngestion | null> {
  const subject = `Large message ${randomBytes(4).toString('hex')}`;
  const { key, eTag, messageBytes, attachmentBytes } = await storeLargeMessage(helpdesk, subject);
  const event = s3NotificationEvent(LOCAL_MAIL_BUCKET, key, messageBytes, eTag);
  let report: ChildReport;
  try {
    // The context's methods do not survive JSON; the child gives it back the one middy reads.
    report = await runChild([ingestBundle, JSON.stringify(event), JSON.stringify(lambdaContext('ingest-mail')), String(FUNCTION_TIMEOUT_SECONDS)]);
  } catch (error) {
    failures.push(`the ${mb(messageBytes)} MB message: ${String(error)}`);
    return null;
  }
  if (report.failures > 0) failures.push(`the ${mb(messageBytes)} MB message: ingest-mail reported it as a failed record`);
  else if (!(await toAssignTitles(helpdesk)).includes(subject)) failures.push(`the ${mb(messageBytes)} MB message: ingested, but no case in "to assign"`);
  const peakRssBytes = Math.max(report.highWaterRssBytes, report.sampledPeakBytes);
  return {
    messageBytes,
    attachmentBytes,
    rssBeforeBytes: report.rssBeforeBytes,
    peakRssBytes,
    ingestMs: report.ingestMs,
    verdict: peakRssBytes < PEAK_RSS_TARGET_RATIO * messageBytes ? 'PASS' : 'FAIL',
  };
}

async function storeLargeMessage(helpdesk: LocalHelpdesk, subject: string): Promise<{ key: string; eTag: string; messageBytes: number; attachmentBytes: number }> {
  const id = randomBytes(20).toString('hex');
  const key = `raw/${id}`;
  const from = `large-${id.slice(0, 8)}@customer.example`;
  const to = helpdesk.mail.mailboxes[0]!;
  const boundary = `bench-${id}`;
  const date = new Date().toUTCString().replace(/GMT$/, '+0000');
  const head = [
    `Return-Path: <${from}>`,
    `Received: from bench.customer.example (127.0.0.1) by local-smtp with SMTP id ${id} for ${to}; ${date}`,
    'X-SES-Spam-Verdict: PASS',
    'X-SES-Virus-Verdict: PASS',
    `X-SES-Envelope-To: ${to}`,
    `From: Large Sender <${from}>`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Message-ID: <${id}@customer.example>`,
    `Date: ${date}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The logs of last week, attached.',
    `--${boundary}`,
    'Content-Type: application/zip; name="logs.zip"',
    'Content-Disposition: attachment; filename="logs.zip"',
    'Content-Transfer-Encoding: base64',
    '',
    '',
  ].join('\r\n');
  const tail = `\r\n--${boundary}--\r\n`;
  const room = SES_MAX_MESSAGE_BYTES - SIZE_MARGIN_BYTES - Buffer.byteLength(head) - tail.length;
  const attachmentBytes = Math.floor(room / ENCODED_LINE_BYTES) * BYTES_PER_LINE;
  // Random bytes, as a compressed archive or a scan is: nothing in the path can shrink them.
  const encoded = randomBytes(attachmentBytes).toString('base64').replace(/.{76}/g, '$&\r\n').replace(/\r\n$/, '');
  const raw = Buffer.from(`${head}${encoded}${tail}`, 'latin1');
  const s3 = new S3Client({
    endpoint: helpdesk.s3.endpoint,
    region: LOCAL_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const { ETag } = await s3.send(new PutObjectCommand({ Bucket: LOCAL_MAIL_BUCKET, Key: key, Body: raw }));
    return { key, eTag: ETag ?? '', messageBytes: raw.length, attachmentBytes };
  } finally {
    s3.destroy();
  }
}

interface ChildReport {
  rssBeforeBytes: number;
  sampledPeakBytes: number;
  highWaterRssBytes: number;
  ingestMs: number;
  failures: number;
}

/** Asynchronous: the local S3 endpoint the child reads from is served by this very process. */
function runChild(args: string[]): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [RUNNER, ...args], { env: { ...process.env, NODE_OPTIONS: LAMBDA_NODE_OPTIONS } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`the ingesting process failed (${error.message}):\n${stderr}`));
      // The report is the last line: the function's logger writes to stdout too.
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ChildReport);
    });
  });
}

/** MB of 1,048,576 bytes, as the tables give them. */
export const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
