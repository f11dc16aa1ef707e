import { type Case, CaseSchema } from '../domain/case.ts';
import type { Customer } from '../domain/customer.ts';
import { delegationOf, placementOf } from '../domain/queues.ts';
import type { TimelineEntry } from '../domain/timeline.ts';
import { KEY_ATTRIBUTES, keys, queuePartition, sortValue } from './keys.ts';

type Item = Record<string, unknown>;

/**
 * The case item with the index keys that place it in its queues. Written whole, it records its
 * version as `stateVersion`: appends (functions/store/append-write.ts) hold only while that stays
 * at or below the version they read.
 */
export function caseToItem(c: Case): Item {
  const placement = placementOf(c);
  const delegation = delegationOf(c);
  const queueKey =
    placement.queue === 'to-assign' ? queuePartition.toAssign()
    : placement.queue === 'archive' ? queuePartition.archive()
    : placement.queue === 'waiting' ? queuePartition.waiting(placement.owner ?? '')
    : queuePartition.mine(placement.owner ?? '');
  return {
    ...keys.case(c.id),
    kind: 'case',
    ...c,
    stateVersion: c.version,
    gsi1pk: queueKey,
    gsi1sk: sortValue(placement.sortAt, c.id),
    ...(delegation ? { gsi2pk: queuePartition.delegated(delegation.delegator), gsi2sk: sortValue(delegation.sortAt, c.id) } : {}),
    ...(c.customerId ? { gsi3pk: queuePartition.customer(c.customerId), gsi3sk: sortValue(c.createdAt, c.id) } : {}),
    ...(c.timer ? { gsi4pk: queuePartition.pendingTimers(), gsi4sk: sortValue(c.timer.dueAt, c.id) } : {}),
  };
}

/** Points a case number at its case: `GET /cases?number=` reads it. */
export function caseNumberItem(c: Case): Item {
  return { ...keys.caseNumber(c.number), kind: 'case-number', caseId: c.id };
}

export function entryToItem(caseId: string, entry: TimelineEntry): Item {
  return { ...keys.entry(caseId, entry.seq), kind: 'entry', ...entry };
}

export function customerToItem(customer: Customer): Item {
  return { ...keys.customer(customer.id), kind: 'customer', ...customer };
}

const CASE_FIELDS = Object.keys(CaseSchema.shape) as (keyof Case)[];

/** Fields added after cases were first written, with the value an older item means. */
const ADDED_FIELDS: Partial<Case> = { linkGeneration: 0 };

/** The case in an item, fields in schema order (DynamoDB returns attributes in no particular order). */
export function itemToCase(item: Item): Case {
  return Object.fromEntries(CASE_FIELDS.map((field) => [field, field in item ? item[field] : ADDED_FIELDS[field]])) as Case;
}

/** Drops the key attributes: what is left is the domain object as it was written. */
export function stripKeys<T>(item: Item): T {
  const copy: Item = { ...item };
  for (const attribute of KEY_ATTRIBUTES) delete copy[attribute];
  return copy as T;
}
