import { SFNClient } from '@aws-sdk/client-sfn';
import { loadConfig } from '../shared/config.ts';
import { TimerScheduler } from './timer-scheduler.ts';

let scheduler: TimerScheduler | undefined;

/**
 * For the function that starts and stops executions; apart from timer-deps.ts so that its bundle
 * carries no DynamoDB client. Locally AWS_ENDPOINT_URL_SFN points the client at the local runner.
 */
export function timerScheduler(): TimerScheduler {
  if (!scheduler) {
    const { stateMachineArn } = loadConfig();
    if (!stateMachineArn) throw new Error('STATE_MACHINE_ARN is not set');
    scheduler = new TimerScheduler(new SFNClient({}), stateMachineArn);
  }
  return scheduler;
}
