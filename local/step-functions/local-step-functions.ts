import './polyfill.ts';
import { StateMachine } from 'aws-local-stepfunctions';
import { type ExecutionJournal, type ExecutionRecord } from './execution-journal.ts';

type TaskHandler = (input: unknown) => Promise<unknown>;

export class StepFunctionsError extends Error {
  constructor(
    readonly type: 'ExecutionAlreadyExists' | 'ExecutionDoesNotExist' | 'StateMachineDoesNotExist' | 'InvalidName' | 'InvalidExecutionInput',
    message: string,
  ) {
    super(message);
  }
}

export interface LocalStepFunctionsOptions {
  stateMachineArn: string;
  definition: Record<string, unknown>;
  /** Task state name → the function it invokes (the same handler modules CDK deploys). */
  tasks: Record<string, TaskHandler>;
  journal: ExecutionJournal;
  /** 1 runs timers in real time; 0.001 makes a day last 86.4 s. Only the Wait is scaled. */
  timeScale?: number;
  /** Pause between Task retries, in ms; the ASL's own backoff when absent. */
  retryIntervalMs?: number;
}

/** setTimeout cannot wait longer than this (about 24.8 days); longer waits are chained. */
const MAX_TIMER_MS = 2_147_483_647;
const WAIT_STATE = 'WaitUntilDue';

/**
 * Runs the state machine's executions locally with aws-local-stepfunctions: StartExecution,
 * StopExecution and DescribeExecution semantics as in the cloud, executions journaled so that
 * pending timers survive a restart.
 */
export class LocalStepFunctions {
  private readonly machine: StateMachine;
  private readonly running = new Map<string, { abort: () => void; timer?: NodeJS.Timeout }>();
  private stopped = false;

  constructor(private readonly options: LocalStepFunctionsOptions) {
    this.machine = new StateMachine(options.definition as never, { validationOptions: { checkArn: true, checkPaths: true } });
  }

  /** Resumes the executions that were still waiting when the runtime stopped. */
  resumePending(): void {
    for (const record of this.options.journal.all()) if (record.status === 'RUNNING') this.schedule(record);
  }

  startExecution(request: { stateMachineArn: string; name: string; input?: string }): ExecutionRecord {
    if (request.stateMachineArn !== this.options.stateMachineArn) {
      throw new StepFunctionsError('StateMachineDoesNotExist', `no state machine ${request.stateMachineArn}`);
    }
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(request.name)) throw new StepFunctionsError('InvalidName', `invalid execution name ${request.name}`);
    const input = request.input ?? '{}';
    const executionArn = `${this.options.stateMachineArn.replace(':stateMachine:', ':execution:')}:${request.name}`;
    const existing = this.options.journal.get(executionArn);
    if (existing) {
      // As in the cloud: the same name and input while running is the same execution; anything else is refused.
      if (existing.status === 'RUNNING' && existing.input === input) return existing;
      throw new StepFunctionsError('ExecutionAlreadyExists', `execution ${request.name} already exists`);
    }
    const now = Date.now();
    const record: ExecutionRecord = {
      executionArn, name: request.name, input, status: 'RUNNING', startDate: now, wakeAt: this.wakeAt(input, now), transitions: 0,
    };
    this.options.journal.put(record);
    this.schedule(record);
    return record;
  }

  stopExecution(executionArn: string): number {
    const record = this.options.journal.get(executionArn);
    if (!record) throw new StepFunctionsError('ExecutionDoesNotExist', `no execution ${executionArn}`);
    const stopDate = Date.now();
    if (record.status === 'RUNNING') {
      this.cancel(executionArn);
      this.options.journal.update(executionArn, { status: 'ABORTED', stopDate });
    }
    return stopDate;
  }

  describeExecution(executionArn: string): ExecutionRecord {
    const record = this.options.journal.get(executionArn);
    if (!record) throw new StepFunctionsError('ExecutionDoesNotExist', `no execution ${executionArn}`);
    return record;
  }

  /** Every execution so far, finished or not (for benchmarks counting transitions). */
  executions(): ExecutionRecord[] {
    return this.options.journal.all();
  }

  /** Stops running anything; RUNNING executions stay RUNNING in the journal for the next start. */
  shutdown(): void {
    this.stopped = true;
    for (const executionArn of [...this.running.keys()]) this.cancel(executionArn);
  }

  private wakeAt(input: string, now: number): number {
    let dueAt: number;
    try {
      dueAt = Date.parse((JSON.parse(input) as { dueAt?: string }).dueAt ?? '');
    } catch {
      throw new StepFunctionsError('InvalidExecutionInput', 'input is not JSON');
    }
    if (Number.isNaN(dueAt)) return now;
    return now + Math.max(0, dueAt - now) * (this.options.timeScale ?? 1);
  }

  private schedule(record: ExecutionRecord): void {
    if (this.stopped) return;
    const remaining = record.wakeAt - Date.now();
    if (remaining > MAX_TIMER_MS) {
      const timer = setTimeout(() => this.schedule(record), MAX_TIMER_MS);
      this.running.set(record.executionArn, { abort: () => clearTimeout(timer), timer });
      return;
    }
    this.run(record, Math.max(0, remaining));
  }

  private run(record: ExecutionRecord, waitMs: number): void {
    const retry = this.options.retryIntervalMs;
    const execution = this.machine.run(JSON.parse(record.input) as never, {
      overrides: {
        taskResourceLocalHandlers: this.options.tasks as never,
        // The Wait is the only state given a duration here: the due time the ASL reads, minus the time already waited.
        waitTimeOverrides: { [WAIT_STATE]: waitMs },
        ...(retry === undefined ? {} : { retryIntervalOverrides: Object.fromEntries(Object.keys(this.options.tasks).map((t) => [t, retry])) }),
      },
      noThrowOnAbort: true,
    });
    this.running.set(record.executionArn, { abort: execution.abort });
    void this.countTransitions(record.executionArn, execution.eventLogs);
    execution.result.then(
      (output) => {
        if (output === null && this.options.journal.get(record.executionArn)?.status !== 'RUNNING') return;
        if (this.stopped) return;
        this.finish(record.executionArn, { status: 'SUCCEEDED', output: JSON.stringify(output) });
      },
      (error: Error & { cause?: unknown }) => {
        if (this.stopped) return;
        this.finish(record.executionArn, { status: 'FAILED', error: error.name, cause: error.message });
      },
    );
  }

  private async countTransitions(executionArn: string, events: AsyncGenerator<{ type: string }>): Promise<void> {
    for await (const event of events) {
      // Step Functions bills each state entered, and each retry.
      if (event.type === 'StateEntered' || event.type === 'StateRetried') {
        const record = this.options.journal.get(executionArn);
        if (record) this.options.journal.update(executionArn, { transitions: record.transitions + 1 });
      }
    }
  }

  private finish(executionArn: string, change: Partial<ExecutionRecord>): void {
    this.running.delete(executionArn);
    this.options.journal.update(executionArn, { ...change, stopDate: Date.now() });
  }

  private cancel(executionArn: string): void {
    this.running.get(executionArn)?.abort();
    this.running.delete(executionArn);
  }
}
