import type { S3Event, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../shared/logger.ts';
import { type IngestDeps, ingestMail } from './ingest-mail.ts';

/**
 * The queue between the mail bucket's notifications and ingestion. Each record is one S3 event
 * (S3 also sends a test event when the notification is set up, which names no object). A record
 * that fails is reported alone, so the queue delivers it again and, after its retries, moves it
 * to the dead-letter queue, which is alarmed; the others of the batch are done.
 */
export async function ingestQueuedMail(event: SQSEvent, deps: IngestDeps): Promise<SQSBatchResponse> {
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  await Promise.all(
    event.Records.map(async (record) => {
      try {
        for (const key of objectKeys(record.body)) {
          const result = await ingestMail(key, deps);
          logger.info('ingested an e-mail', { key, ...result });
        }
      } catch (error) {
        logger.error('could not ingest an e-mail; the queue will deliver it again', { error: error as Error, messageId: record.messageId });
        failures.push({ itemIdentifier: record.messageId });
      }
    }),
  );
  return { batchItemFailures: failures };
}

/** The object keys an S3 notification names, decoded as S3 encodes them (spaces as '+'). */
function objectKeys(body: string): string[] {
  const event = JSON.parse(body) as Partial<S3Event>;
  return (event.Records ?? [])
    .filter((record) => record.eventName?.startsWith('ObjectCreated:'))
    .map((record) => decodeURIComponent(record.s3.object.key.replace(/\+/g, ' ')));
}
