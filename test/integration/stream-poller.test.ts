import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../local/create-table.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../local/dynamodb-local.ts';
import { StreamPoller } from '../../local/stream-poller.ts';
import { eventually } from './local-helpdesk.ts';

const TABLE = 'poller-test';
let db: DynamoDbLocal;
let client: DynamoDBClient;

beforeAll(async () => {
  db = await startDynamoDbLocal();
  // The poller's own streams client finds DynamoDB Local the way the local runtime points it there.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint, AWS_ENDPOINT_URL_DYNAMODB_STREAMS: db.endpoint,
    AWS_REGION: 'eu-central-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local',
  });
  client = new DynamoDBClient({});
  await ensureTable(client, TABLE);
});
afterAll(async () => {
  client.destroy();
  await db.stop();
});

const put = (n: number) => client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: `ITEM#${n}` }, sk: { S: 'CASE' } } }));
const keysOf = (event: DynamoDBStreamEvent) => event.Records.map((r) => r.dynamodb?.Keys?.pk?.S ?? '');

describe('the local stream poller (the event source mapping stand-in)', () => {
  it('delivers every change in order, retries from a failed record, and resumes from its checkpoint', async () => {
    const checkpointFile = join(mkdtempSync(join(tmpdir(), 'poller-')), 'checkpoint.json');
    const seen: string[] = [];
    let failedOnce = false;
    const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
      for (const record of event.Records) {
        const key = record.dynamodb?.Keys?.pk?.S ?? '';
        if (key === 'ITEM#2' && !failedOnce) {
          failedOnce = true;
          return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
        }
        seen.push(key);
      }
      return { batchItemFailures: [] };
    };
    const poller = new StreamPoller(TABLE, handler, checkpointFile);
    await poller.start();

    for (const n of [1, 2, 3]) await put(n);
    await eventually(async () => seen.length >= 3);
    await poller.stop();

    expect(seen).toEqual(['ITEM#1', 'ITEM#2', 'ITEM#3']);
    expect(Object.values(JSON.parse(readFileSync(checkpointFile, 'utf8')))).toHaveLength(1);

    const later: string[] = [];
    const resumed = new StreamPoller(TABLE, async (event) => (later.push(...keysOf(event)), { batchItemFailures: [] }), checkpointFile);
    await resumed.start();
    await put(4);
    await eventually(async () => later.length >= 1);
    await resumed.stop();

    expect(later).toEqual(['ITEM#4']);
  });
});
