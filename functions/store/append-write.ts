import type { UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Append, Outcome } from '../domain/mutation.ts';
import type { TimelineEntry } from '../domain/timeline.ts';
import { caseToItem } from './items.ts';
import { keys } from './keys.ts';

/** The index sort keys a case's times feed (its place in "mine" and "delegated" moves with its last activity). */
const SORT_KEYS = ['gsi1sk', 'gsi2sk', 'gsi3sk', 'gsi4sk'] as const;

/**
 * The UpdateItem that makes room for an append-only outcome's entries on the case: it moves the
 * entry count and version on from whatever they are now, so concurrent appends never conflict.
 * It holds as long as no full write changed the case since the version the command read: every
 * full write records its version as the case's `stateVersion`, and appends leave it alone.
 */
export function appendUpdate(tableName: string, outcome: Outcome & { append: Append }, readVersion: number): UpdateCommandInput {
  const { case: c, entries, append } = outcome;
  const item = caseToItem(c);
  const before = c.entryCount - entries.length;
  const set = ['entryCount = entryCount + :added', 'version = version + :one', 'updatedAt = :updatedAt', 'lastActivityAt = :lastActivityAt'];
  const values: Record<string, unknown> = {
    ':added': entries.length,
    ':one': 1,
    ':updatedAt': c.updatedAt,
    ':lastActivityAt': c.lastActivityAt,
    ':read': readVersion,
  };
  const names: Record<string, string> = {};
  for (const key of SORT_KEYS) {
    if (item[key] === undefined) continue;
    set.push(`${key} = :${key}`);
    values[`:${key}`] = item[key];
  }
  // Operands are read before the update, so "entryCount + offset" is the new entry's final number.
  const agentEntry = c.lastAgentEntry;
  if (agentEntry !== null && agentEntry.seq > before) {
    set.push('lastAgentEntry.seq = entryCount + :agentOffset', 'lastAgentEntry.#at = :agentAt');
    values[':agentOffset'] = agentEntry.seq - before;
    values[':agentAt'] = agentEntry.at;
    names['#at'] = 'at';
  }
  const conditions = ['attribute_exists(pk)', '(attribute_not_exists(stateVersion) OR stateVersion <= :read)'];
  if (append.maxEntriesBefore !== null) {
    conditions.push('entryCount <= :room');
    values[':room'] = append.maxEntriesBefore;
  }
  return {
    TableName: tableName,
    Key: keys.case(c.id),
    UpdateExpression: `SET ${set.join(', ')}`,
    ConditionExpression: conditions.join(' AND '),
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: values,
    ReturnValues: 'ALL_NEW',
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  };
}

/** The outcome's entries numbered after the `entryCount` the update left: the ones it made room for. */
export function renumbered(entries: TimelineEntry[], entryCount: number): TimelineEntry[] {
  const first = entryCount - entries.length + 1;
  return entries.map((entry, i) => ({ ...entry, seq: first + i }));
}
