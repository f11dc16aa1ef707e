import type { TenantSettings } from '../domain/tenant-settings.ts';
import { loadConfig } from '../shared/config.ts';
import { CaseStore } from '../store/case-store.ts';
import { createDocumentClient } from '../store/client.ts';

export interface TimerDeps {
  cases: CaseStore;
  settings: TenantSettings;
  clock: () => string;
}

let cached: TimerDeps | undefined;

/** For the functions the state machine invokes; built once per cold start. */
export function timerDeps(): TimerDeps {
  if (!cached) {
    const config = loadConfig();
    cached = { cases: new CaseStore(createDocumentClient(), config.tableName), settings: config.settings, clock: () => new Date().toISOString() };
  }
  return cached;
}
