import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROUTE_GROUPS, type RouteGroup } from '../functions/routes.ts';
import { TIMER_FUNCTIONS } from '../lib/case-timers.ts';
import { MAIL_FUNCTIONS } from '../lib/mail-function.ts';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUT_DIR = join(REPO_ROOT, 'bench', 'out');

export interface Entry {
  /** The route group, which is also the function's name. */
  group: RouteGroup;
  /** Relative to the repository root, as CDK's `entry` is. */
  path: string;
}

/** One Lambda function per route group, with the entry file lib/http-api.ts gives it. */
export function functionEntries(): Entry[] {
  return (Object.keys(ROUTE_GROUPS) as RouteGroup[]).map((group) => ({ group, path: `functions/entries/${group}.ts` }));
}

/**
 * Every function CDK bundles: the route groups, the timer functions of lib/case-timers.ts, then the
 * mail functions of lib/mail-function.ts.
 */
export function bundledEntries(): { name: string; path: string }[] {
  const byName = (names: string[]) => names.map((name) => ({ name, path: `functions/entries/${name}.ts` }));
  return [...functionEntries().map(({ group, path }) => ({ name: group, path })), ...byName(Object.keys(TIMER_FUNCTIONS)), ...byName(Object.keys(MAIL_FUNCTIONS))];
}
