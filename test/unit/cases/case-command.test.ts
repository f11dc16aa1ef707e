import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { addNote } from '../../../functions/cases/add-note.ts';
import { claimCase } from '../../../functions/cases/claim-case.ts';
import { groupHandler, type HttpEvent } from '../../../functions/shared/http-handler.ts';
import { caseToItem } from '../../../functions/store/items.ts';
import { storeDeps } from '../../fixtures/store-deps.ts';
import { aCase, CASE_ID } from '../../fixtures/cases.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const deps = storeDeps();
const handler = groupHandler([claimCase, addNote], () => deps);

const command = async (name: 'claim' | 'notes', headers: Record<string, string> = {}, body?: unknown) => {
  const event = {
    routeKey: `POST /cases/{caseId}/${name}`,
    rawPath: `/cases/${CASE_ID}/${name}`,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    pathParameters: { caseId: CASE_ID },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    requestContext: { authorizer: { jwt: { claims: { sub: 'agent-ala', 'cognito:groups': '[agents]' }, scopes: [] } } },
  } as unknown as HttpEvent;
  const result = (await handler(event, { awsRequestId: 'r' } as Context)) as { statusCode: number; body: string };
  return { status: result.statusCode, body: JSON.parse(result.body) };
};
const claim = (headers: Record<string, string> = {}) => command('claim', headers);
const note = (headers: Record<string, string> = {}) => command('notes', headers, { text: 'Called the customer' });
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
    // After each lost race: a read at once (could the command now append?), and another after the backoff.
    expect([ddb.commandCalls(GetCommand).length, ddb.commandCalls(TransactWriteCommand).length]).toEqual([9, 5]);
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

describe('a note on a case in work', () => {
  const inWork = aCase({ status: 'in_progress', assigneeId: 'agent-ala', entryCount: 5, version: 5, lastAgentEntry: { seq: 4, at: '2026-11-25T08:00:00.000Z' } });
  /** The case as the append left it, after two other notes landed since the read. */
  const appended = () => ({ Attributes: { ...caseToItem(inWork), entryCount: 8, version: 8, lastAgentEntry: { seq: 8, at: '2026-11-25T09:00:00.000Z' } } });

  it('is appended: one UpdateItem on the case and one PutItem of the entry, answered with the case as stored', async () => {
    ddb.on(GetCommand).resolves({ Item: caseToItem(inWork) });
    ddb.on(UpdateCommand).resolves(appended());
    ddb.on(PutCommand).resolves({});

    const { status, body } = await note();

    expect(status).toBe(200);
    expect(body.case).toMatchObject({ version: 8, lastAgentEntry: { seq: 8 } });
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input.Item).toMatchObject({ sk: 'EV#00000008', type: 'note' });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('that lost to the note starting the work is decided again at once and appended', async () => {
    ddb.on(GetCommand)
      .resolvesOnce({ Item: caseToItem(aCase({ assigneeId: 'agent-ala', version: 3 })) })
      .resolves({ Item: caseToItem(inWork) });
    ddb.on(TransactWriteCommand).rejects(versionConflict());
    ddb.on(UpdateCommand).resolves(appended());
    ddb.on(PutCommand).resolves({});

    const { status } = await note();

    expect(status).toBe(200);
    expect([ddb.commandCalls(GetCommand).length, ddb.commandCalls(TransactWriteCommand).length, ddb.commandCalls(UpdateCommand).length]).toEqual([2, 1, 1]);
  });

  it('is a full write with If-Match, which names exactly the version the caller saw', async () => {
    ddb.on(GetCommand).resolves({ Item: caseToItem(inWork) });
    ddb.on(TransactWriteCommand).resolves({});

    const { status } = await note({ 'if-match': '"5"' });

    expect(status).toBe(200);
    expect([ddb.commandCalls(TransactWriteCommand).length, ddb.commandCalls(UpdateCommand).length]).toEqual([1, 0]);
  });
});
