import type { DynamoDbLocal } from './dynamodb-local.ts';

/** What the local-only `GET /health` answers: 200 when `status` is ok, 503 when degraded. */
export interface HealthReport {
  status: 'ok' | 'degraded';
  [detail: string]: unknown;
}

/** Whether DynamoDB Local is up and, while it is down, which process died, when, and when it restarts. */
export function healthOf(db: Pick<DynamoDbLocal, 'up' | 'lastExit'>): HealthReport {
  return db.up() ? { status: 'ok', dynamoDb: 'up' } : { status: 'degraded', dynamoDb: 'down', exit: db.lastExit() };
}
