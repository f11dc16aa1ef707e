import { TransactionCanceledException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ConflictError } from '../domain/errors.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One write in a transaction, with the error its failed condition stands for. */
export interface GuardedWrite {
  item: TransactItem;
  /** Built from the item as it was when the condition failed (undefined if it did not exist). */
  onConditionFailed: (existing: Record<string, unknown> | undefined) => Error;
  /** Checked before the others: a replayed request must win over the conflict it causes. */
  priority?: boolean;
}

/**
 * Runs the writes as one TransactWriteItems request: one write request however many items, and
 * all or nothing. A failed condition becomes the domain error its write names.
 */
export async function transact(client: DynamoDBDocumentClient, writes: GuardedWrite[]): Promise<void> {
  try {
    await client.send(
      new TransactWriteCommand({ TransactItems: writes.map((w) => withOldValues(w.item)), ReturnConsumedCapacity: 'TOTAL' }),
    );
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    throw cancellationError(writes, error);
  }
}

function cancellationError(writes: GuardedWrite[], error: TransactionCanceledException): Error {
  const reasons = error.CancellationReasons ?? [];
  const failed = writes
    .map((write, index) => ({ write, reason: reasons[index] }))
    .filter(({ reason }) => reason?.Code === 'ConditionalCheckFailed')
    .sort((a, b) => Number(b.write.priority ?? false) - Number(a.write.priority ?? false));
  const first = failed[0];
  if (first) {
    const old = first.reason?.Item as Record<string, AttributeValue> | undefined;
    return first.write.onConditionFailed(old ? unmarshall(old) : undefined);
  }
  if (reasons.some((r) => r.Code === 'TransactionConflict')) {
    return new ConflictError('another change to the same case was in flight; reload and retry');
  }
  return error;
}

/** Asks DynamoDB for the current item on a failed condition, saving a read to explain it. */
function withOldValues(item: TransactItem): TransactItem {
  if (item.Put?.ConditionExpression) return { Put: { ...item.Put, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } };
  if (item.Update?.ConditionExpression) return { Update: { ...item.Update, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } };
  if (item.ConditionCheck) return { ConditionCheck: { ...item.ConditionCheck, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } };
  return item;
}
