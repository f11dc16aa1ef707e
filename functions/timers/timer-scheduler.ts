import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  type SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { TimerRequest } from '../domain/case.ts';
import { executionName, type TimerInput } from './timer-input.ts';

/** Starts and stops the Step Functions executions that carry case timers. */
export class TimerScheduler {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  /** Idempotent: starting the same timer twice starts one execution. */
  async start(caseId: string, timer: TimerRequest): Promise<void> {
    const input: TimerInput = { caseId, ...timer };
    try {
      await this.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: executionName(caseId, timer.generation),
          input: JSON.stringify(input),
        }),
      );
    } catch (error) {
      // Already started (a redelivered stream record) or already over: either way the timer is in hand.
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
  }

  /** Stops a superseded timer in its Wait; one that already ended, or never started, needs nothing. */
  async stop(caseId: string, timer: TimerRequest): Promise<void> {
    try {
      await this.sfn.send(
        new StopExecutionCommand({ executionArn: this.executionArn(caseId, timer.generation), cause: 'superseded by a newer case change' }),
      );
    } catch (error) {
      if (!(error instanceof ExecutionDoesNotExist)) throw error;
    }
  }

  private executionArn(caseId: string, generation: number): string {
    return `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${executionName(caseId, generation)}`;
  }
}
