import { SFNClient } from '@aws-sdk/client-sfn';
import type { TenantSettings } from '../domain/tenant-settings.ts';
import { loadConfig } from '../shared/config.ts';
import { CaseStore } from '../store/case-store.ts';
import { createDocumentClient } from '../store/client.ts';
import { TimerScheduler } from './timer-scheduler.ts';

export interface TimerDeps {
  cases: CaseStore;
  settings: TenantSettings;
  clock: () => string;
}

let cached: TimerDeps | undefined;
let scheduler: TimerScheduler | undefined;

/** For the functions the state machine invokes; built once per cold start. */
export function timerDeps(): TimerDeps {
  if (!cached) {
    const config = loadConfig();
    cached = { cases: new CaseStore(createDocumentClient(), config.tableName), settings: config.settings, clock: () => new Date().toISOString() };
  }
  return cached;
}

/** For the function that starts and stops executions. Locally AWS_ENDPOINT_URL_SFN points the client at the local runner. */
export function timerScheduler(): TimerScheduler {
  if (!scheduler) {
    const { stateMachineArn } = loadConfig();
    if (!stateMachineArn) throw new Error('STATE_MACHINE_ARN is not set');
    scheduler = new TimerScheduler(new SFNClient({}), stateMachineArn);
  }
  return scheduler;
}
