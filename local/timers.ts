import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import { DEFAULT_TIMER_RECONCILE_MARGIN_SECONDS } from '../functions/shared/config.ts';
import { serveAwsEndpoint } from './aws-endpoint.ts';
import { lambdaContext } from './lambda-context.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './local-account.ts';
import { CASE_TIMER_ASL, loadDefinition } from './step-functions/asl-definition.ts';
import { ExecutionJournal } from './step-functions/execution-journal.ts';
import { LocalStepFunctions } from './step-functions/local-step-functions.ts';
import { createSfnEndpoint } from './step-functions/sfn-endpoint.ts';
import { StreamPoller } from './stream-poller.ts';

export const LOCAL_STATE_MACHINE_ARN = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:case-timer`;
const functionArn = (name: string) => `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${name}`;

export interface TimerOptions {
  tableName: string;
  dataDir?: string;
  timeScale?: number;
  timerRetryIntervalMs?: number;
  stepFunctionsPort?: number;
  /** How often the reconciler looks for overdue timers (every 5 minutes in the cloud). */
  timerReconcileIntervalMs?: number;
  /** How overdue a timer must be before it is re-armed (10 minutes in the cloud). */
  timerReconcileMarginMs?: number;
}

const RECONCILE_INTERVAL_MS = 60_000;
/** A firing's retries run in real time even when waits are scaled, so the margin never drops below them. */
const MIN_RECONCILE_MARGIN_MS = 30_000;

/**
 * The timer path as in the cloud: the table's stream feeds the schedule-timers function, which
 * starts and stops executions through the Step Functions API; the executions run the ASL file and
 * invoke the fire-timer and record-timer-failure functions. The reconcile-timers function runs on
 * an interval, as the cloud's schedule runs it.
 */
export async function startTimers(options: TimerOptions) {
  const { dataDir } = options;
  const stepFunctions = new LocalStepFunctions({
    stateMachineArn: LOCAL_STATE_MACHINE_ARN,
    definition: loadDefinition(CASE_TIMER_ASL, {
      FireTimerFunctionArn: functionArn('fire-timer'),
      RecordTimerFailureFunctionArn: functionArn('record-timer-failure'),
    }),
    tasks: {
      FireTimer: invoker('fire-timer', (await import('../functions/entries/fire-timer.ts')).handler),
      RecordFailure: invoker('record-timer-failure', (await import('../functions/entries/record-timer-failure.ts')).handler),
    },
    journal: new ExecutionJournal(dataDir ? join(dataDir, 'step-functions.json') : undefined),
    ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
    ...(options.timerRetryIntervalMs === undefined ? {} : { retryIntervalMs: options.timerRetryIntervalMs }),
  });
  const endpoint = await serveAwsEndpoint(createSfnEndpoint(stepFunctions, LOCAL_STATE_MACHINE_ARN), 'AWS_ENDPOINT_URL_SFN', options.stepFunctionsPort);
  process.env.STATE_MACHINE_ARN = LOCAL_STATE_MACHINE_ARN;
  const scheduleTimers = (await import('../functions/entries/schedule-timers.ts')).handler;
  const poller = new StreamPoller(
    options.tableName,
    (event) => scheduleTimers(event, lambdaContext('schedule-timers')),
    dataDir ? join(dataDir, 'stream-checkpoint.json') : undefined,
  );
  await poller.start();
  stepFunctions.resumePending();
  const reconciler = await startReconciler(options);
  return {
    stepFunctions,
    stop: async () => {
      reconciler.stop();
      await poller.stop();
      stepFunctions.shutdown();
      await endpoint.stop();
    },
  };
}

const invoker =
  (name: string, handler: (event: unknown, context: Context) => Promise<unknown>) =>
  (input: unknown): Promise<unknown> =>
    handler(input, lambdaContext(name));

async function startReconciler(options: TimerOptions): Promise<{ stop: () => void }> {
  const marginMs = options.timerReconcileMarginMs ?? Math.max(MIN_RECONCILE_MARGIN_MS, DEFAULT_TIMER_RECONCILE_MARGIN_SECONDS * 1000 * (options.timeScale ?? 1));
  process.env.TIMER_RECONCILE_MARGIN_SECONDS = String(marginMs / 1000);
  const reconcile = (await import('../functions/entries/reconcile-timers.ts')).handler;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await reconcile({}, lambdaContext('reconcile-timers'));
    } catch {
      // The function has logged what failed; the next run tries again, as the schedule would.
    } finally {
      running = false;
    }
  };
  const interval = setInterval(() => void run(), options.timerReconcileIntervalMs ?? RECONCILE_INTERVAL_MS);
  interval.unref();
  return { stop: () => clearInterval(interval) };
}
