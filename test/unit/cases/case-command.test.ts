import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { claimCase } from '../../../functions/cases/claim-case.ts';
import { groupHandler, type HttpEvent } from '../../../functions/shared/http-handler.ts';
import { caseToItem } from '../../../functions/store/items.ts';
import { storeDeps } from '../../fixtures/store-deps.ts';
import { aCase, CASE_ID } from '../../fixtures/cases.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const deps = storeDeps();
const handler = groupHandler([claimCase], () => deps);

const claim = async (headers: Record<string, string> = {}) => {
  const event = {
    routeKey: 'POST /cases/{caseId}/claim',
    rawPath: `/cases/${CASE_ID}/claim`,
    headers,
    pathParameters: { caseId: CASE_ID },
    requestContext: { authorizer: { jwt: { claims: { sub: 'agent-ala', 'cognito:groups': '[agents]' }, scopes: [] } } },
  } as unknown as HttpEvent;
  const result = (await handler(event, { awsRequestId: 'r' } as Context)) as { statusCode: number; body: string };
  return { status: result.statusCode, body: JSON.parse(result.body) };
};
const versionConflict = () =>
  new TransactionCanceledException({
    message: 'cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'ConditionalCheckFailed', Item: marshall({ version: 99 }) }],
  });

beforeEach(() => {
  ddb.reset();
  ddb.on(GetCommand).resolves({ Item: caseToItem(aCase({ version: 3 })) });
});

describe('a case command', () => {
  it('reads once and writes once on the happy path', async () => {
    ddb.on(TransactWriteCommand).resolves({});

    const { status, body } = await claim();

    expect(status).toBe(200);
    expect(body.case).toMatchObject({ assigneeId: 'agent-ala', version: 4 });
    expect([ddb.commandCalls(GetCommand).length, ddb.commandCalls(TransactWriteCommand).length]).toEqual([1, 1]);
  });

  it('re-applies the command to the fresh case each time it loses a race without If-Match, until it lands', async () => {
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(versionConflict())
      .rejectsOnce(versionConflict())
      .rejectsOnce(versionConflict())
      .rejectsOnce(versionConflict())
      .resolves({});

    const { status } = await claim();

    expect(status).toBe(200);
    expect([ddb.commandCalls(GetCommand).length, ddb.commandCalls(TransactWriteCommand).length]).toEqual([5, 5]);
  });

  it('does not retry when the caller sent If-Match: the caller decides', async () => {
    ddb.on(TransactWriteCommand).rejects(versionConflict());

    const { status } = await claim({ 'if-match': '"3"' });

    expect(status).toBe(409);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('refuses a stale If-Match before writing anything', async () => {
    const { status } = await claim({ 'if-match': '"2"' });

    expect(status).toBe(409);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  const storedAnswer = (fingerprint: string) => {
    const response = { status: 200, body: { case: { id: CASE_ID, replayed: true } }, headers: { etag: '"4"' } };
    ddb.on(BatchGetCommand).resolves({
      Responses: {
        cases: [
          caseToItem(aCase({ version: 4, assigneeId: 'agent-ala' })),
          { pk: 'IDEMPOTENCY#agent-ala#retry-key-1', sk: 'IDEMPOTENCY', fingerprint, response, expiresAt: 4_102_444_800 },
        ],
      },
    });
    return response;
  };

  it('replays the stored answer of a retried request from the same single read, writing nothing', async () => {
    const fingerprint = createHash('sha256').update(`POST /cases/{caseId}/claim\n/cases/${CASE_ID}/claim\n`).digest('base64url');
    const stored = storedAnswer(fingerprint);

    const retry = await claim({ 'idempotency-key': 'retry-key-1' });

    expect(retry).toEqual({ status: 200, body: stored.body });
    expect(ddb.commandCalls(BatchGetCommand)).toHaveLength(1);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('refuses the key of another request without writing', async () => {
    storedAnswer('fingerprint-of-another-request');

    const reused = await claim({ 'idempotency-key': 'retry-key-1' });

    expect([reused.status, reused.body.error.code]).toEqual([409, 'idempotency_key_reused']);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 500, not a client error, when DynamoDB fails', async () => {
    ddb.on(GetCommand).rejects(new Error('socket hang up'));

    const { status, body } = await claim();

    expect(status).toBe(500);
    expect(body.error.code).toBe('internal_error');
  });
});
