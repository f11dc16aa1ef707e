import { DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../../../functions/domain/case.ts';
import { CaseStore } from '../../../functions/store/case-store.ts';
import { caseToItem } from '../../../functions/store/items.ts';
import { reconcileTimers } from '../../../functions/timers/reconcile-timers.ts';
import { aCase, NOW, settings } from '../../fixtures/cases.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const deps = {
  cases: new CaseStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' })), 'cases'),
  settings: settings(),
  clock: () => NOW,
};
const TEN_MINUTES = 600_000;

const overdueCase = (id: string): Case =>
  aCase({
    id,
    status: 'answered',
    assigneeId: 'agent-ala',
    timer: { purpose: 'auto_close', dueAt: '2026-11-25T08:00:00.000Z', generation: 2 },
    timerGeneration: 2,
  });

beforeEach(() => ddb.reset());

describe('reconcileTimers', () => {
  it('asks the pending-timers index only for timers due more than the margin ago', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });

    const result = await reconcileTimers(deps, TEN_MINUTES);

    expect(result).toEqual({ overdue: 0, rearmed: 0 });
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :pk AND gsi4sk < :cutoff',
      ExpressionAttributeValues: { ':pk': 'TIMERS#pending', ':cutoff': '2026-11-25T08:50:00.000Z' },
    });
  });

  it('re-arms each overdue timer under a new generation', async () => {
    const listed = overdueCase('11111111-1111-4111-8111-111111111111');
    ddb.on(QueryCommand).resolves({ Items: [caseToItem(listed)] });
    ddb.on(GetCommand).resolves({ Item: caseToItem(listed) });
    ddb.on(TransactWriteCommand).resolves({});

    const result = await reconcileTimers(deps, TEN_MINUTES);

    expect(result).toEqual({ overdue: 1, rearmed: 1 });
    const saved = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Put!.Item!;
    expect(saved.timer).toEqual({ purpose: 'auto_close', dueAt: NOW, generation: 3 });
  });

  it('re-arms the others, then fails the run naming how many could not be', async () => {
    const broken = overdueCase('11111111-1111-4111-8111-111111111111');
    const fine = overdueCase('22222222-2222-4222-8222-222222222222');
    ddb.on(QueryCommand).resolves({ Items: [caseToItem(broken), caseToItem(fine)] });
    ddb.on(GetCommand, { Key: { pk: `CASE#${broken.id}`, sk: 'CASE' } }).rejects(new ResourceNotFoundException({ message: 'gone', $metadata: {} }));
    ddb.on(GetCommand, { Key: { pk: `CASE#${fine.id}`, sk: 'CASE' } }).resolves({ Item: caseToItem(fine) });
    ddb.on(TransactWriteCommand).resolves({});

    const run = reconcileTimers(deps, TEN_MINUTES);

    await expect(run).rejects.toThrow('1 of 2 overdue timers could not be re-armed');
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('leaves a timer that fired since it was listed', async () => {
    const listed = overdueCase('11111111-1111-4111-8111-111111111111');
    ddb.on(QueryCommand).resolves({ Items: [caseToItem(listed)] });
    ddb.on(GetCommand).resolves({ Item: caseToItem({ ...listed, status: 'closed', timer: null }) });

    const result = await reconcileTimers(deps, TEN_MINUTES);

    expect(result).toEqual({ overdue: 1, rearmed: 0 });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});
