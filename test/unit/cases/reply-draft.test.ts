import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { addReply } from '../../../functions/cases/add-reply.ts';
import { deleteReplyDraft } from '../../../functions/cases/delete-reply-draft.ts';
import { getReplyDraft } from '../../../functions/cases/get-reply-draft.ts';
import { resolveCase } from '../../../functions/cases/resolve-case.ts';
import { saveReplyDraft } from '../../../functions/cases/save-reply-draft.ts';
import type { Case } from '../../../functions/domain/case.ts';
import { groupHandler, type HttpEvent } from '../../../functions/shared/http-handler.ts';
import { caseToItem } from '../../../functions/store/items.ts';
import { storeDeps } from '../../fixtures/store-deps.ts';
import { aCase, CASE_ID, NOW } from '../../fixtures/cases.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const deps = storeDeps();
const handler = groupHandler([getReplyDraft, saveReplyDraft, deleteReplyDraft, addReply, resolveCase], () => deps);

const call = async (method: string, path: string, body?: unknown) => {
  const event = {
    routeKey: `${method} /cases/{caseId}${path}`,
    rawPath: `/cases/${CASE_ID}${path}`,
    headers: {},
    pathParameters: { caseId: CASE_ID },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    requestContext: { authorizer: { jwt: { claims: { sub: 'agent-ala', 'cognito:groups': '[agents]' }, scopes: [] } } },
  } as unknown as HttpEvent;
  const result = (await handler(event, { awsRequestId: 'r' } as Context)) as { statusCode: number; body?: string };
  return { status: result.statusCode, body: result.body === undefined ? undefined : JSON.parse(result.body) };
};

const DRAFT_KEY = { pk: `CASE#${CASE_ID}`, sk: 'DRAFT#agent-ala' };
const THIRTY_DAYS = 30 * 24 * 60 * 60;
const storedDraft = { ...DRAFT_KEY, kind: 'reply-draft', agentId: 'agent-ala', text: 'Dear Jan,', includeHistory: false, updatedAt: NOW, expiresAt: 4_102_444_800 };
const loaded = (c: Case, draft?: Record<string, unknown>) => ({ Responses: { cases: [caseToItem(c), ...(draft ? [draft] : [])] } });
const versionConflict = () =>
  new TransactionCanceledException({
    message: 'cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'ConditionalCheckFailed', Item: marshall({ version: 4 }) }],
  });
const transactItems = () => ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;

beforeEach(() => {
  ddb.reset();
});

describe('saving a reply draft', () => {
  it('starts work on the assignee\'s New case with its first save: the case change and the draft in one transaction', async () => {
    ddb.on(BatchGetCommand).resolves(loaded(aCase({ assigneeId: 'agent-ala' })));
    ddb.on(TransactWriteCommand).resolves({});

    const { status, body } = await call('PUT', '/reply-draft', { text: 'Dear Jan, ', includeHistory: true });

    expect([status, body]).toEqual([200, { draft: { text: 'Dear Jan, ', includeHistory: true, updatedAt: NOW } }]);
    const items = transactItems();
    expect(items[0]?.Put).toMatchObject({ Item: { sk: 'CASE', status: 'in_progress', version: 4 }, ExpressionAttributeValues: { ':expected': 3 } });
    expect(items.at(-1)).toEqual({
      Put: {
        TableName: 'cases',
        Item: { ...DRAFT_KEY, kind: 'reply-draft', agentId: 'agent-ala', text: 'Dear Jan, ', includeHistory: true, updatedAt: NOW, expiresAt: Date.parse(NOW) / 1000 + THIRTY_DAYS },
      },
    });
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('writes only the draft item once the agent has a draft: the case and its version stay', async () => {
    ddb.on(BatchGetCommand).resolves(loaded(aCase({ assigneeId: 'agent-ala' }), storedDraft));
    ddb.on(PutCommand).resolves({});

    const { status } = await call('PUT', '/reply-draft', { text: 'Dear Jan, the refund' });

    expect(status).toBe(200);
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input.Item).toMatchObject({ ...DRAFT_KEY, text: 'Dear Jan, the refund', includeHistory: false });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('refuses a save whose draft was sent or discarded after it was read, rather than bring it back', async () => {
    ddb.on(BatchGetCommand).resolves(loaded(aCase({ status: 'in_progress', assigneeId: 'agent-ala' }), storedDraft));
    ddb.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'failed', $metadata: {} }));

    const { status, body } = await call('PUT', '/reply-draft', { text: 'Dear Jan, the refund' });

    expect([status, body.error.code]).toEqual([409, 'reply_draft_gone']);
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input.ConditionExpression).toBe('attribute_exists(pk)');
  });

  it('writes only the draft item on a case already In Progress', async () => {
    ddb.on(BatchGetCommand).resolves(loaded(aCase({ status: 'in_progress', assigneeId: 'agent-ala' })));
    ddb.on(PutCommand).resolves({});

    await call('PUT', '/reply-draft', { text: 'Dear Jan,' });

    expect([ddb.commandCalls(PutCommand).length, ddb.commandCalls(TransactWriteCommand).length]).toEqual([1, 0]);
  });

  it('decides again on the newer case when the first save loses a race', async () => {
    ddb
      .on(BatchGetCommand)
      .resolvesOnce(loaded(aCase({ assigneeId: 'agent-ala' })))
      .resolves(loaded(aCase({ status: 'in_progress', assigneeId: 'agent-ala', version: 4 })));
    ddb.on(TransactWriteCommand).rejects(versionConflict());
    ddb.on(PutCommand).resolves({});

    const { status } = await call('PUT', '/reply-draft', { text: 'Dear Jan,' });

    expect(status).toBe(200);
    expect([ddb.commandCalls(TransactWriteCommand).length, ddb.commandCalls(PutCommand).length]).toEqual([1, 1]);
  });

  it('refuses white space alone, as a reply would', async () => {
    const { status, body } = await call('PUT', '/reply-draft', { text: ' \n ' });

    expect(status).toBe(400);
    expect(body.error.issues).toMatchObject([{ path: 'body.text' }]);
  });
});

describe('reading and discarding a reply draft', () => {
  it('answers the caller\'s draft', async () => {
    ddb.on(BatchGetCommand).resolves(loaded(aCase(), storedDraft));

    const { body } = await call('GET', '/reply-draft');

    expect(body).toEqual({ draft: { text: 'Dear Jan,', includeHistory: false, updatedAt: NOW } });
    expect(ddb.commandCalls(BatchGetCommand)[0]!.args[0].input.RequestItems!.cases!.Keys).toContainEqual(DRAFT_KEY);
  });

  it('answers null for a draft past its expiry that TTL has not deleted yet', async () => {
    ddb.on(BatchGetCommand).resolves(loaded(aCase(), { ...storedDraft, expiresAt: 1 }));

    const { body } = await call('GET', '/reply-draft');

    expect(body).toEqual({ draft: null });
  });

  it('answers 404 for an unknown case', async () => {
    ddb.on(BatchGetCommand).resolves({ Responses: { cases: [] } });

    const { status } = await call('GET', '/reply-draft');

    expect(status).toBe(404);
  });

  it('deletes the caller\'s draft item and answers 204 with no body', async () => {
    ddb.on(GetCommand).resolves({ Item: caseToItem(aCase()) });
    ddb.on(DeleteCommand).resolves({});

    const result = await call('DELETE', '/reply-draft');

    expect(result).toEqual({ status: 204, body: undefined });
    expect(ddb.commandCalls(DeleteCommand)[0]!.args[0].input).toEqual({ TableName: 'cases', Key: DRAFT_KEY });
  });
});

describe('sending a reply', () => {
  const inProgress = caseToItem(aCase({ status: 'in_progress', assigneeId: 'agent-ala' }));
  const draftDelete = { Delete: { TableName: 'cases', Key: DRAFT_KEY } };

  it('drops the sender\'s draft in the reply\'s transaction, unconditionally', async () => {
    ddb.on(GetCommand).resolves({ Item: inProgress });
    ddb.on(TransactWriteCommand).resolves({});

    const { status } = await call('POST', '/replies', { text: 'We refunded the second charge.' });

    expect(status).toBe(200);
    expect(transactItems()).toContainEqual(draftDelete);
  });

  it('drops it when resolving with a reply, and not when resolving without one', async () => {
    ddb.on(GetCommand).resolves({ Item: inProgress });
    ddb.on(TransactWriteCommand).resolves({});

    await call('POST', '/resolve', { method: 'replied_to_customer', reply: { text: 'Refunded.' } });
    await call('POST', '/resolve', { method: 'replied_to_customer', note: { text: 'Refunded by phone.' } });

    const [withReply, withNote] = ddb.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems!);
    expect(withReply).toContainEqual(draftDelete);
    expect(withNote).not.toContainEqual(draftDelete);
  });
});
