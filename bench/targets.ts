import type { RequestRecord } from './capacity-recorder.ts';

/**
 * The DynamoDB request budget of an operation:
 * - `mutation`: exactly one write request and at most one read (the case, or the counter for createCase, or
 *   the queue Query for takeNextCase);
 * - `one-query`: a single Query and nothing else;
 * - `one-query-and-recent-access`: getCase, whose one Query is followed by the PutItem that records the
 *   agent's recent access (the documented exception);
 * - `none`: no target; reported as is.
 */
export type Target = 'mutation' | 'one-query' | 'one-query-and-recent-access' | 'none';

export type Verdict = 'PASS' | 'FAIL' | 'n/a';

export const TARGET_TEXT: Record<Target, string> = {
  mutation: '1 write, ≤ 1 read',
  'one-query': '1 Query only',
  'one-query-and-recent-access': '1 Query (+1 PutItem recent access: documented exception)',
  none: 'none (reported as is)',
};

const kinds = (call: RequestRecord[], kind: RequestRecord['kind']) => call.filter((r) => r.kind === kind).length;
const commands = (call: RequestRecord[], command: string) => call.filter((r) => r.command === command).length;

const MEETS: Record<Exclude<Target, 'none'>, (call: RequestRecord[]) => boolean> = {
  mutation: (call) => kinds(call, 'write') === 1 && kinds(call, 'read') <= 1 && kinds(call, 'other') === 0,
  'one-query': (call) => call.length === 1 && commands(call, 'Query') === 1,
  'one-query-and-recent-access': (call) => call.length === 2 && commands(call, 'Query') === 1 && commands(call, 'PutItem') === 1,
};

/** PASS only if every measured call kept to the budget: one stray retry is a finding, not noise. */
export function verdict(target: Target, calls: RequestRecord[][]): Verdict {
  if (target === 'none') return 'n/a';
  return calls.length > 0 && calls.every(MEETS[target]) ? 'PASS' : 'FAIL';
}
