import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../shared/logger.ts';
import { type SendDeps, sendReply } from './send-reply.ts';

/**
 * Consumes the table's stream for replies written as "queued" (the cloud's event source mapping
 * filters on exactly that; the check here keeps the local poller, which sees every record, and any
 * looser filter honest). The timeline is the outbox: a reply is on it before it is sent, and a
 * failure to reach the store stops the batch at that record for the stream to retry in order.
 */
export async function sendQueuedReplies(event: DynamoDBStreamEvent, deps: SendDeps): Promise<DynamoDBBatchResponse> {
  for (const record of event.Records) {
    const reply = queuedReply(record);
    if (!reply) continue;
    try {
      const outcome = await sendReply(reply.caseId, reply.seq, deps);
      logger.info('reply handled', { ...reply, outcome });
    } catch (error) {
      logger.error('could not send a queued reply; the stream will retry', { error: error as Error, ...reply });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}

function queuedReply(record: DynamoDBRecord): { caseId: string; seq: number } | null {
  const image = record.dynamodb?.NewImage as Record<string, AttributeValue> | undefined;
  if (record.eventName !== 'INSERT' || image?.kind?.S !== 'entry' || image.type?.S !== 'reply' || image.delivery?.S !== 'queued') return null;
  const item = unmarshall(image) as { pk: string; seq: number };
  return { caseId: item.pk.slice('CASE#'.length), seq: item.seq };
}
