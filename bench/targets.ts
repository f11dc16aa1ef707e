import { COUNTED_QUEUES, QUEUE_COUNT_CAP } from '../functions/domain/queues.ts';
import type { RequestRecord } from './capacity-recorder.ts';

/**
 * The DynamoDB request budget of an operation:
 * - `mutation`: exactly one write request and at most one read (the case, or the queue Query for
 *   takeNextCase);
 * - `create`: createCase, which reserves its number with one UpdateItem on the counter before its one
 *   TransactWriteItems, and may read the customer aliases (one BatchGetItem) to link the case; also
 *   splitCase and spawnCase, whose one read is the original and whose transaction holds it and the new cases;
 * - `one-query`: a single Query and nothing else;
 * - `case-and-page`: listTimeline, a GetItem of the case (its entry count bounds the page) and one Query;
 * - `case-page-and-recent-access`: getCase, the same two reads followed by the PutItem that records the
 *   agent's recent access;
 * - `queue-counts`: countQueues, one capped COUNT Query per counted queue;
 * - `one-get`: a single GetItem and nothing else;
 * - `case-and-template`: renderTemplate, a GetItem of the case and one of the template;
 * - `merge`: mergeCase, a GetItem of the case, of the target's number alias and of the target, one Query of the
 *   case's timeline (its public entries, up to 100 per page) and one TransactWriteItems holding both cases;
 * - `unmerge`: unmergeCase, a GetItem of the case and of its target, and one TransactWriteItems holding both;
 * - `append`: a command that only appends (a note on a case in work): a GetItem of the case, one UpdateItem
 *   that makes room on it and one PutItem of the entry, so concurrent appends never conflict;
 * - `none`: no target; reported as is.
 */
export type Target =
  | 'mutation'
  | 'create'
  | 'one-query'
  | 'case-and-page'
  | 'case-page-and-recent-access'
  | 'alias-and-case'
  | 'queue-counts'
  | 'one-get'
  | 'case-and-template'
  | 'merge'
  | 'unmerge'
  | 'append'
  | 'none';

export type Verdict = 'PASS' | 'FAIL' | 'n/a';

export const TARGET_TEXT: Record<Target, string> = {
  mutation: '1 write, ≤ 1 read',
  create: '1 UpdateItem (counter) + 1 TransactWriteItems, ≤ 1 read',
  'one-query': '1 Query only',
  'case-and-page': '1 GetItem + 1 Query',
  'case-page-and-recent-access': '1 GetItem + 1 Query + 1 PutItem (recent access)',
  'alias-and-case': '2 GetItem (the number alias, then the case)',
  'queue-counts': `${COUNTED_QUEUES.length} Query (Select COUNT, at most ${QUEUE_COUNT_CAP + 1} cases each)`,
  'one-get': '1 GetItem only',
  'case-and-template': '2 GetItem (the case and the template)',
  merge: '3 GetItem (case, number alias, target) + 1 Query (timeline) + 1 TransactWriteItems',
  unmerge: '2 GetItem (case, target) + 1 TransactWriteItems',
  append: '1 GetItem + 1 UpdateItem (case) + 1 PutItem (entry)',
  none: 'none (reported as is)',
};

const kinds = (call: RequestRecord[], kind: RequestRecord['kind']) => call.filter((r) => r.kind === kind).length;
const commands = (call: RequestRecord[], command: string) => call.filter((r) => r.command === command).length;
/** Exactly these requests, in any order (a handler may send some in parallel), and nothing else. */
const exactly = (call: RequestRecord[], wanted: Record<string, number>) =>
  call.length === Object.values(wanted).reduce((sum, n) => sum + n, 0) &&
  Object.entries(wanted).every(([command, n]) => commands(call, command) === n);

const MEETS: Record<Exclude<Target, 'none'>, (call: RequestRecord[]) => boolean> = {
  mutation: (call) => kinds(call, 'write') === 1 && kinds(call, 'read') <= 1 && kinds(call, 'other') === 0,
  create: (call) =>
    kinds(call, 'write') === 2 &&
    commands(call, 'UpdateItem') === 1 &&
    commands(call, 'TransactWriteItems') === 1 &&
    kinds(call, 'read') <= 1 &&
    kinds(call, 'other') === 0,
  'one-query': (call) => exactly(call, { Query: 1 }),
  'case-and-page': (call) => exactly(call, { GetItem: 1, Query: 1 }),
  'case-page-and-recent-access': (call) => exactly(call, { GetItem: 1, Query: 1, PutItem: 1 }),
  'alias-and-case': (call) => exactly(call, { GetItem: 2 }),
  'queue-counts': (call) => exactly(call, { Query: COUNTED_QUEUES.length }),
  'one-get': (call) => exactly(call, { GetItem: 1 }),
  'case-and-template': (call) => exactly(call, { GetItem: 2 }),
  merge: (call) => exactly(call, { GetItem: 3, Query: 1, TransactWriteItems: 1 }),
  unmerge: (call) => exactly(call, { GetItem: 2, TransactWriteItems: 1 }),
  append: (call) => exactly(call, { GetItem: 1, UpdateItem: 1, PutItem: 1 }),
};

/** PASS only if every measured call kept to the budget: one stray retry is a finding, not noise. */
export function verdict(target: Target, calls: RequestRecord[][]): Verdict {
  if (target === 'none') return 'n/a';
  return calls.length > 0 && calls.every(MEETS[target]) ? 'PASS' : 'FAIL';
}
