import type { CaseSummary, QueueName, ResolveBody } from '../shared/api-types.ts';

/*
 * The values the console offers in its menus. They restate enums of the API's zod schemas because
 * the bundle carries no zod; test/unit/console-enums.test.ts keeps each equal to its schema.
 */

export const QUEUES = ['to-assign', 'mine', 'delegated', 'waiting', 'archive', 'recent'] as const satisfies readonly QueueName[];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const satisfies readonly CaseSummary['priority'][];
export type Priority = (typeof PRIORITIES)[number];

/** Every status a queued case can have: drafts are in no queue. */
export const FILTER_STATUSES = ['new', 'in_progress', 'waiting', 'answered', 'resolved', 'closed'] as const satisfies readonly CaseSummary['status'][];

/** The methods an agent may choose when resolving. */
export const RESOLUTION_METHODS = ['replied_to_customer', 'no_customer_response', 'rejected', 'unknown_address'] as const satisfies readonly NonNullable<
  ResolveBody['method']
>[];
