import { describe, expect, it } from 'vitest';
import { CASE_TIMER_ASL, loadDefinition } from '../../../local/step-functions/asl-definition.ts';
import { ExecutionJournal } from '../../../local/step-functions/execution-journal.ts';
import { LocalStepFunctions, StepFunctionsError } from '../../../local/step-functions/local-step-functions.ts';

const ARN = 'arn:aws:states:eu-central-1:000000000000:stateMachine:case-timer';
const definition = loadDefinition(CASE_TIMER_ASL, {
  FireTimerFunctionArn: 'arn:aws:lambda:eu-central-1:000000000000:function:fire',
  RecordTimerFailureFunctionArn: 'arn:aws:lambda:eu-central-1:000000000000:function:record',
});
const input = (dueAt = new Date(Date.now() - 1).toISOString()) => JSON.stringify({ caseId: 'c', generation: 1, purpose: 'wait', dueAt });

function machine(tasks: Record<string, (input: unknown) => Promise<unknown>>) {
  return new LocalStepFunctions({ stateMachineArn: ARN, definition, tasks, journal: new ExecutionJournal(), retryIntervalMs: 1 });
}
const settled = async (sfn: LocalStepFunctions, arn: string) => {
  for (let i = 0; i < 200 && sfn.describeExecution(arn).status === 'RUNNING'; i++) await new Promise((r) => setTimeout(r, 10));
  return sfn.describeExecution(arn);
};

describe('the local Step Functions runner, on the deployed ASL', () => {
  it('fires a due timer in 2 state transitions: the Wait and the Task', async () => {
    const fired: unknown[] = [];
    const sfn = machine({ FireTimer: async (i) => (fired.push(i), { outcome: 'fired' }), RecordFailure: async () => ({}) });

    const { executionArn } = sfn.startExecution({ stateMachineArn: ARN, name: 'c-g1', input: input() });
    const done = await settled(sfn, executionArn);

    expect(done).toMatchObject({ status: 'SUCCEEDED', transitions: 2 });
    expect(fired).toEqual([JSON.parse(input(JSON.parse(done.input).dueAt))]);
  });

  it('retries a failing firing, then records the failure and fails the execution', async () => {
    const recorded: unknown[] = [];
    const sfn = machine({
      FireTimer: async () => {
        throw new Error('DynamoDB unavailable');
      },
      RecordFailure: async (i) => (recorded.push(i), {}),
    });

    const { executionArn } = sfn.startExecution({ stateMachineArn: ARN, name: 'c-g1', input: input() });
    const done = await settled(sfn, executionArn);

    expect(done.status).toBe('FAILED');
    expect(recorded).toEqual([expect.objectContaining({ caseId: 'c', error: expect.objectContaining({ Cause: expect.stringContaining('DynamoDB unavailable') }) })]);
    expect(done.transitions).toBe(2 + 6 + 2);
  });

  it('starts the same execution once, refuses the name with another input, and stops a waiting one', async () => {
    const sfn = machine({ FireTimer: async () => ({}), RecordFailure: async () => ({}) });
    const later = input(new Date(Date.now() + 60_000).toISOString());

    const first = sfn.startExecution({ stateMachineArn: ARN, name: 'c-g2', input: later });
    const again = sfn.startExecution({ stateMachineArn: ARN, name: 'c-g2', input: later });
    const clash = () => sfn.startExecution({ stateMachineArn: ARN, name: 'c-g2', input: input() });
    sfn.stopExecution(first.executionArn);

    expect(again.executionArn).toBe(first.executionArn);
    expect(clash).toThrow(StepFunctionsError);
    expect(sfn.describeExecution(first.executionArn).status).toBe('ABORTED');
    expect(() => sfn.stopExecution(`${first.executionArn}-missing`)).toThrow(/no execution/);
    sfn.shutdown();
  });
});
