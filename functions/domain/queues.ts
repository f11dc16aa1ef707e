import * as z from 'zod';
import type { Case } from './case.ts';
import { CaseStatusSchema, PrioritySchema } from './case.ts';

export const QueueNameSchema = z.enum(['to-assign', 'mine', 'delegated', 'waiting', 'archive', 'recent']);
export type QueueName = z.infer<typeof QueueNameSchema>;

/** Listing order per queue: the work that needs doing first comes first. */
export const QUEUE_ORDER: Record<QueueName, 'oldest_first' | 'newest_first'> = {
  'to-assign': 'oldest_first',
  mine: 'newest_first',
  delegated: 'newest_first',
  waiting: 'oldest_first',
  archive: 'newest_first',
  recent: 'newest_first',
};

/**
 * Queues whose size the console shows next to their name. The archive only grows and the recent
 * list is a history, so counting them would tell an agent nothing about the work waiting.
 */
export const COUNTED_QUEUES = ['to-assign', 'mine', 'delegated', 'waiting'] as const satisfies readonly QueueName[];
export type CountedQueue = (typeof COUNTED_QUEUES)[number];

/**
 * A count reads every case it counts (the indexes project whole cases), so it stops here: past
 * it an agent needs to know "a lot", not the exact number, and a poll stays cheap.
 */
export const QUEUE_COUNT_CAP = 100;

/** Queues that belong to one agent; the rest are shared by the whole team. */
export const PERSONAL_QUEUES: readonly QueueName[] = ['mine', 'delegated', 'waiting', 'recent'];

export const QueueQuerySchema = z.object({
  status: CaseStatusSchema.optional(),
  priority: PrioritySchema.optional(),
  category: z.string().min(1).max(100).optional(),
  inbox: z.string().min(1).max(320).optional(),
  highlighted: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  agentId: z.string().min(1).max(200).optional().describe("an admin may look at another agent's personal queue"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(2_000).optional(),
});
export type QueueQuery = z.infer<typeof QueueQuerySchema>;
export type QueueFilters = Pick<QueueQuery, 'status' | 'priority' | 'category' | 'inbox' | 'highlighted'>;

export const FindCasesQuerySchema = z.object({
  number: z.coerce.number().int().positive().describe('the case number, as in "#1042" (without the #)'),
});

export const TimelineQuerySchema = z.object({
  order: z.enum(['newest_first', 'oldest_first']).default('newest_first').describe('a cursor continues in the order it was made for'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(2_000).optional(),
});

export const NextCaseInputSchema = z
  .strictObject({ inbox: z.string().min(1).max(320).optional(), category: z.string().min(1).max(100).optional() })
  .default({});

/** Where a case is listed, and by what it is ordered there. */
export interface Placement {
  queue: Exclude<QueueName, 'delegated' | 'recent'>;
  /** The agent whose personal queue it is; null for team queues. */
  owner: string | null;
  sortAt: string;
}

/**
 * Each case sits in exactly one work queue: unclaimed To Do cases in "to assign", waits in the
 * assignee's owned work (due soonest first), closed cases in the archive, the rest in "my cases".
 */
export function placementOf(c: Case): Placement {
  if (c.status === 'closed') return { queue: 'archive', owner: null, sortAt: c.closedAt ?? c.updatedAt };
  if (c.status === 'new' && c.assigneeId === null) return { queue: 'to-assign', owner: null, sortAt: c.createdAt };
  const owner = c.assigneeId ?? c.createdBy;
  // A wait for other cases has no date: it is listed from when it began.
  if (c.status === 'waiting' && c.wait) return { queue: 'waiting', owner, sortAt: 'until' in c.wait ? c.wait.until : c.wait.since };
  return { queue: 'mine', owner, sortAt: c.lastActivityAt };
}

/** The delegator's "delegated" list holds the case until it closes or is taken back. */
export function delegationOf(c: Case): { delegator: string; sortAt: string } | null {
  if (c.delegatedBy === null || c.status === 'closed' || c.assigneeId === c.delegatedBy) return null;
  return { delegator: c.delegatedBy, sortAt: c.lastActivityAt };
}
