import { ConflictError } from '../domain/errors.ts';
import { keys } from './keys.ts';
import type { GuardedWrite } from './transaction.ts';

/** How long a retried request with the same Idempotency-Key gets the first answer back. */
const RETENTION_SECONDS = 24 * 60 * 60;

export interface StoredResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface IdempotencyRecord {
  actorId: string;
  key: string;
  /** Hash of the request; the same key with another request is refused. */
  fingerprint: string;
  response: StoredResponse;
}

/** Thrown when a request is a retry of one already done: answer with the stored response. */
export class IdempotentReplay extends Error {
  constructor(readonly response: StoredResponse) {
    super('replayed an earlier response for the same Idempotency-Key');
  }
}

/**
 * The record goes into the same transaction as the change it answers, so a retry after a lost
 * response finds either both or neither.
 */
export function idempotencyWrite(tableName: string, record: IdempotencyRecord, nowSeconds: number): GuardedWrite {
  return {
    priority: true,
    item: {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.idempotency(record.actorId, record.key),
          kind: 'idempotency',
          fingerprint: record.fingerprint,
          response: record.response,
          expiresAt: nowSeconds + RETENTION_SECONDS,
        },
        // TTL deletes lazily, so an expired record must not block the key either.
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
        ExpressionAttributeValues: { ':now': nowSeconds },
      },
    },
    onConditionFailed: (existing) => {
      if (existing?.fingerprint !== record.fingerprint) {
        return new ConflictError('this Idempotency-Key was used for a different request', 'idempotency_key_reused');
      }
      return new IdempotentReplay(existing.response as StoredResponse);
    },
  };
}
