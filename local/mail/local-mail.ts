import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { MailConfig } from '../../functions/domain/mail-config.ts';
import { lambdaContext } from '../lambda-context.ts';
import { LOCAL_REGION } from '../local-account.ts';
import { StreamPoller } from '../stream-poller.ts';
import { LocalMailQueue } from './local-mail-queue.ts';
import { startSmtpListener } from './smtp-listener.ts';

export const LOCAL_MAIL_BUCKET = 'helpdesk-local-mail';

export interface LocalMail {
  smtpPort: number;
  mailboxes: string[];
  queue: LocalMailQueue;
  stop: () => Promise<void>;
}

/**
 * Mail as in the cloud. Inbound: the SMTP listener stores the raw message in the mail bucket of the
 * local S3 and pushes the queue's event to the ingest-mail function, the module CDK bundles.
 * Outbound: the table's stream feeds the send-mail function, which sends through the local SESv2
 * endpoint into the outbox. The environment (MAIL_CONFIG, MAIL_BUCKET, the endpoints) must be set
 * before this starts.
 */
export async function startLocalMail(options: { tableName: string; mail: MailConfig; s3Endpoint: string; smtpPort?: number; dataDir?: string }): Promise<LocalMail> {
  const s3 = new S3Client({
    endpoint: options.s3Endpoint,
    region: LOCAL_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await s3.send(new CreateBucketCommand({ Bucket: LOCAL_MAIL_BUCKET }));
  const ingest = (await import('../../functions/entries/ingest-mail.ts')).handler as (event: SQSEvent, context: unknown) => Promise<SQSBatchResponse>;
  const log = (line: string) => console.error(line);
  const queue = new LocalMailQueue((event) => ingest(event, lambdaContext('ingest-mail')), options.dataDir ? join(options.dataDir, 'mail-queue.json') : undefined, log);
  const listener = await startSmtpListener({ port: options.smtpPort ?? 0, s3, bucket: LOCAL_MAIL_BUCKET, deliver: (event) => queue.send(event) });
  queue.resume();
  // A consumer of its own, as the cloud's second event source mapping on the stream is.
  const sendMail = (await import('../../functions/entries/send-mail.ts')).handler;
  const sender = new StreamPoller(
    options.tableName,
    (event) => sendMail(event, lambdaContext('send-mail')),
    options.dataDir ? join(options.dataDir, 'send-mail-stream-checkpoint.json') : undefined,
  );
  await sender.start();
  return {
    smtpPort: listener.port,
    mailboxes: options.mail.mailboxes.map((m) => m.address),
    queue,
    stop: async () => {
      queue.stop();
      await listener.stop();
      await sender.stop();
      s3.destroy();
    },
  };
}
