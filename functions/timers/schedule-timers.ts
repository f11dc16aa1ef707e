import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { TimerRequest } from '../domain/case.ts';
import { logger } from '../shared/logger.ts';
import { timerChanges } from './timer-changes.ts';
import type { TimerScheduler } from './timer-scheduler.ts';

type Image = Record<string, AttributeValue> | undefined;

/** Other work on each case change, done by this consumer of the stream: DynamoDB Streams serves at most two readers per shard, and send-mail is the other. */
export type CaseChangeStep = (record: DynamoDBRecord) => Promise<void>;

/**
 * Consumes the table's stream: each case change that arms, replaces or clears a timer starts or
 * stops its execution, then goes through `alsoOnEachChange`. Because the case write itself is the
 * record of the timer, a timer cannot be lost between the write and Step Functions: a failed record
 * is retried from where it failed (in order), and after the retries it goes to the dead-letter
 * queue, which is alarmed. Every step must therefore be harmless to repeat.
 */
export async function scheduleTimers(
  event: DynamoDBStreamEvent,
  scheduler: TimerScheduler,
  clock: () => string = () => new Date().toISOString(),
  alsoOnEachChange: readonly CaseChangeStep[] = [],
): Promise<DynamoDBBatchResponse> {
  for (const record of event.Records) {
    try {
      await syncRecord(record, scheduler, clock());
      for (const step of alsoOnEachChange) await step(record);
    } catch (error) {
      logger.error('could not process a case change', { error: error as Error, sequenceNumber: record.dynamodb?.SequenceNumber });
      // Stop here: later records of the same case must not overtake this one.
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}

async function syncRecord(record: DynamoDBRecord, scheduler: TimerScheduler, now: string): Promise<void> {
  const before = caseTimer(record.dynamodb?.OldImage as Image);
  const after = caseTimer(record.dynamodb?.NewImage as Image);
  if (before === undefined && after === undefined) return;
  const caseId = (after ?? before)!.caseId;
  const { start, stop } = timerChanges(before?.timer ?? null, after?.timer ?? null, now);
  if (start) await scheduler.start(caseId, start);
  if (stop) await scheduler.stop(caseId, stop);
}

/** The timer of a case item; undefined for any other item (entries, customers, counters). */
function caseTimer(image: Image): { caseId: string; timer: TimerRequest | null } | undefined {
  if (!image || image.kind?.S !== 'case') return undefined;
  const item = unmarshall(image) as { id: string; timer: TimerRequest | null };
  return { caseId: item.id, timer: item.timer ?? null };
}
