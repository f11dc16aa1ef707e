import { ConditionalCheckFailedException, DynamoDBClient, ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../functions/domain/errors.ts';
import { CaseStore } from '../../../functions/store/case-store.ts';
import { IdempotentReplay } from '../../../functions/store/idempotency.ts';
import { addNote } from '../../../functions/domain/conversation.ts';
import { aCase, agent, ctx } from '../../fixtures/cases.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const store = new CaseStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' })), 'cases');
const outcome = { case: aCase({ version: 4 }), entries: [] };
const idempotency = { actorId: 'agent-ala', key: 'key-12345', fingerprint: 'fp-1', response: { status: 200, body: { ok: true } } };

const cancelled = (...reasons: { Code: string; Item?: Record<string, unknown> }[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: reasons.map((r) => ({ Code: r.Code, ...(r.Item ? { Item: marshall(r.Item) } : {}) })),
  });

beforeEach(() => ddb.reset());

describe('CaseStore.saveCase', () => {
  it('writes the case conditional on the version it was read at, in one transaction', async () => {
    ddb.on(TransactWriteCommand).resolves({});

    await store.saveCase(outcome, 3);

    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
    const put = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Put!;
    expect(put).toMatchObject({ TableName: 'cases', ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': 3 } });
    expect(put.Item).toMatchObject({ pk: `CASE#${outcome.case.id}`, sk: 'CASE', version: 4, gsi1pk: 'QUEUE#to-assign' });
  });

  it('turns a failed version condition into a conflict naming both versions', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'ConditionalCheckFailed', Item: { version: 7 } }));

    const saving = store.saveCase(outcome, 3);

    await expect(saving).rejects.toThrow(ConflictError);
    await expect(saving).rejects.toThrow(/version 7, not 3/);
  });

  it('reports a case that vanished as not found', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'ConditionalCheckFailed' }));

    await expect(store.saveCase(outcome, 3)).rejects.toThrow(NotFoundError);
  });

  it('replays the stored answer when the idempotency record already exists, even if the case moved on', async () => {
    ddb.on(TransactWriteCommand).rejects(
      cancelled(
        { Code: 'ConditionalCheckFailed', Item: { version: 9 } },
        { Code: 'ConditionalCheckFailed', Item: { fingerprint: 'fp-1', response: idempotency.response } },
      ),
    );

    const saving = store.saveCase(outcome, 3, { idempotency });

    await expect(saving).rejects.toBeInstanceOf(IdempotentReplay);
    await expect(saving).rejects.toMatchObject({ response: idempotency.response });
  });

  it('refuses an idempotency key reused for another request', async () => {
    ddb.on(TransactWriteCommand).rejects(
      cancelled({ Code: 'None' }, { Code: 'ConditionalCheckFailed', Item: { fingerprint: 'other', response: {} } }),
    );

    await expect(store.saveCase(outcome, 3, { idempotency })).rejects.toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('treats a transaction conflict with a concurrent writer as a version conflict', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'TransactionConflict' }));

    await expect(store.saveCase(outcome, 3)).rejects.toMatchObject({ code: 'version_conflict' });
  });

  it('lets throttling surface unchanged, for the platform to retry', async () => {
    const throttled = new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} });
    ddb.on(TransactWriteCommand).rejects(throttled);

    await expect(store.saveCase(outcome, 3)).rejects.toBe(throttled);
  });

  it('maps a missing required item (e.g. the linked customer) to its own error', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'None' }, { Code: 'ConditionalCheckFailed' }));

    const saving = store.saveCase(outcome, 3, { requires: { key: { pk: 'CUSTOMER#x', sk: 'CUSTOMER' }, missing: () => new NotFoundError('customer x not found') } });

    await expect(saving).rejects.toThrow('customer x not found');
  });
});

describe('CaseStore.appendToCase', () => {
  // A note on a case in work, decided at version 7 with 7 entries: the store lands it after the 2 that came meanwhile.
  const inWork = aCase({ status: 'in_progress', assigneeId: 'agent-ala', entryCount: 7, version: 7, lastAgentEntry: { seq: 6, at: '2026-11-25T08:00:00.000Z' } });
  const note = () => {
    const decided = addNote(inWork, ctx(agent('agent-ala')), { text: 'Called back' });
    return { ...decided, append: decided.append! };
  };
  const storedAfterTwoOthers = () => ({ Attributes: { ...note().case, pk: `CASE#${inWork.id}`, sk: 'CASE', entryCount: 10, version: 10, lastAgentEntry: { seq: 10, at: inWork.updatedAt } } });

  it('makes room on the case with one UpdateItem, then puts the entry under the number it got', async () => {
    ddb.on(UpdateCommand).resolves(storedAfterTwoOthers());
    ddb.on(PutCommand).resolves({});

    const stored = await store.appendToCase(note(), 7);

    expect(stored.entries.map((e) => e.seq)).toEqual([10]);
    expect(stored.case.version).toBe(10);
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input).toMatchObject({
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(stateVersion) OR stateVersion <= :read) AND entryCount <= :room',
      ExpressionAttributeValues: { ':read': 7, ':added': 1, ':agentOffset': 1 },
    });
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input.Item).toMatchObject({ pk: `CASE#${inWork.id}`, sk: 'EV#00000010', type: 'note', seq: 10 });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('puts the idempotency record, answering with the case as stored, in one transaction with the entry', async () => {
    ddb.on(UpdateCommand).resolves(storedAfterTwoOthers());
    ddb.on(TransactWriteCommand).resolves({});

    await store.appendToCase(note(), 7, (stored) => ({ ...idempotency, response: { status: 200, body: { version: stored.case.version } } }));

    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items.map((item) => item.Put?.Item?.sk)).toEqual(['EV#00000010', 'IDEMPOTENCY']);
    expect(items[1]!.Put!.Item!.response).toEqual({ status: 200, body: { version: 10 } });
  });

  it('turns a failed condition into a version conflict, so the command decides again on the case as it is', async () => {
    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'failed', $metadata: {}, Item: marshall({ version: 9, stateVersion: 9 }) }));

    await expect(store.appendToCase(note(), 7)).rejects.toMatchObject({ code: 'version_conflict' });
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('reports a case that vanished as not found', async () => {
    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'failed', $metadata: {} }));

    await expect(store.appendToCase(note(), 7)).rejects.toThrow(NotFoundError);
  });
});

describe('CaseStore.createCase', () => {
  it('reserves the number with one atomic increment, then writes the case without touching the counter', async () => {
    ddb.on(UpdateCommand).resolves({ Attributes: { value: 43 } });
    ddb.on(TransactWriteCommand).resolves({});

    const created = await store.createCase((number) => ({ case: aCase({ number, version: 1 }), entries: [] }));

    expect(created.case.number).toBe(43);
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input).toMatchObject({
      Key: { pk: 'COUNTER#case-number', sk: 'COUNTER' },
      UpdateExpression: 'ADD #value :count SET kind = :kind',
      ExpressionAttributeValues: { ':count': 1, ':kind': 'counter' },
      ReturnValues: 'UPDATED_NEW',
    });
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items.map((item) => item.Put?.Item?.pk)).not.toContain('COUNTER#case-number');
  });

  it('leaves a gap rather than re-using a number when the create fails', async () => {
    ddb.on(UpdateCommand).resolvesOnce({ Attributes: { value: 7 } }).resolvesOnce({ Attributes: { value: 8 } });
    // The writes: the case, its number alias, then the required customer.
    ddb.on(TransactWriteCommand).rejectsOnce(cancelled({ Code: 'None' }, { Code: 'None' }, { Code: 'ConditionalCheckFailed' })).resolves({});
    const build = (number: number) => ({ case: aCase({ number, version: 1 }), entries: [] });
    const requires = { key: { pk: 'CUSTOMER#x', sk: 'CUSTOMER' }, missing: () => new NotFoundError('customer x not found') };

    await expect(store.createCase(build, { requires })).rejects.toThrow('customer x not found');
    const second = await store.createCase(build);

    expect(second.case.number).toBe(8);
  });

  it('writes the number alias with the case, so that the number finds it', async () => {
    ddb.on(UpdateCommand).resolves({ Attributes: { value: 12 } });
    ddb.on(TransactWriteCommand).resolves({});

    const created = await store.createCase((number) => ({ case: aCase({ number, version: 1 }), entries: [] }));

    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items.map((item) => item.Put?.Item)).toContainEqual({ pk: 'CASE_NUMBER#12', sk: 'ALIAS', kind: 'case-number', caseId: created.case.id });
  });
});

describe('CaseStore reads', () => {
  it('reports an unknown case as not found', async () => {
    ddb.on(GetCommand).resolves({});

    await expect(store.getCase('nope')).rejects.toThrow(NotFoundError);
  });
});
