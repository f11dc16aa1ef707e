import { ExecutionAlreadyExists, ExecutionDoesNotExist, SFNClient, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { scheduleTimers } from '../../../functions/timers/schedule-timers.ts';
import { TimerScheduler } from '../../../functions/timers/timer-scheduler.ts';
import { CASE_ID } from '../../fixtures/cases.ts';

const sfn = mockClient(SFNClient);
const STATE_MACHINE = 'arn:aws:states:eu-central-1:123456789012:stateMachine:case-timer';
const scheduler = new TimerScheduler(new SFNClient({ region: 'eu-central-1' }), STATE_MACHINE);
const timer = (generation: number) => ({ purpose: 'auto_close', dueAt: '2026-11-28T09:00:00.000Z', generation });
const image = (t: ReturnType<typeof timer> | null, kind = 'case') => marshall({ pk: `CASE#${CASE_ID}`, sk: 'CASE', kind, id: CASE_ID, timer: t });
const record = (seq: string, before: ReturnType<typeof timer> | null, after: ReturnType<typeof timer> | null, kind = 'case') => ({
  eventName: 'MODIFY',
  dynamodb: { SequenceNumber: seq, OldImage: image(before, kind), NewImage: image(after, kind) },
});
const event = (...records: ReturnType<typeof record>[]) => ({ Records: records }) as unknown as DynamoDBStreamEvent;

beforeEach(() => sfn.reset());

describe('scheduleTimers', () => {
  it('starts an execution named after the case and generation, carrying the timer', async () => {
    sfn.on(StartExecutionCommand).resolves({});

    const result = await scheduleTimers(event(record('1', null, timer(1))), scheduler);

    expect(result.batchItemFailures).toEqual([]);
    expect(sfn.commandCalls(StartExecutionCommand)[0]!.args[0].input).toEqual({
      stateMachineArn: STATE_MACHINE,
      name: `${CASE_ID}-g1`,
      input: JSON.stringify({ caseId: CASE_ID, ...timer(1) }),
    });
  });

  it('stops the superseded execution when a timer is replaced', async () => {
    sfn.on(StartExecutionCommand).resolves({}).on(StopExecutionCommand).resolves({});

    await scheduleTimers(event(record('1', timer(1), timer(2))), scheduler, () => '2026-11-25T09:00:00.000Z');

    expect(sfn.commandCalls(StopExecutionCommand)[0]!.args[0].input.executionArn).toBe(
      `arn:aws:states:eu-central-1:123456789012:execution:case-timer:${CASE_ID}-g1`,
    );
  });

  it('treats a start of an existing execution and a stop of a missing one as done (redelivered records)', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    sfn.on(StopExecutionCommand).rejects(new ExecutionDoesNotExist({ message: 'missing', $metadata: {} }));

    const result = await scheduleTimers(event(record('1', timer(1), timer(2))), scheduler, () => '2026-11-25T09:00:00.000Z');

    expect(result.batchItemFailures).toEqual([]);
  });

  it('ignores items that are not cases and changes that keep the timer', async () => {
    await scheduleTimers(event(record('1', null, timer(1), 'entry'), record('2', timer(5), timer(5))), scheduler);

    expect(sfn.calls()).toHaveLength(0);
  });

  it('reports the first failed record and leaves the rest for the retry, in order', async () => {
    sfn.on(StartExecutionCommand).rejectsOnce(new Error('throttled')).resolves({});

    const result = await scheduleTimers(event(record('1', null, timer(1)), record('2', null, timer(2))), scheduler);

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '1' }]);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(1);
  });
});
