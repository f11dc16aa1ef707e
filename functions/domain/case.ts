import * as z from 'zod';
import { SYSTEM_STATUSES } from './tenant-settings.ts';

export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

export const CaseStatusSchema = z.enum(SYSTEM_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const ChannelSchema = z.enum(['email', 'form', 'widget', 'portal', 'agent', 'api']);
export type Channel = z.infer<typeof ChannelSchema>;

export const PrioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);

export const ResolutionMethodSchema = z.enum([
  'replied_to_customer',
  'no_customer_response',
  'rejected',
  'rejected_spam',
  'unknown_address',
  'split',
  'merged',
  'cancelled_by_customer',
]);
export type ResolutionMethod = z.infer<typeof ResolutionMethodSchema>;

export const ContactSchema = z.object({
  email: z.email(),
  name: z.string().min(1).max(200).optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

/**
 * What a waiting case waits for: a date (more information, a follow-up), on which its timer fires,
 * or other cases (the cases it was split into, a case it started), whose end brings it back.
 */
export const WaitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('more_info'), days: z.number().int(), closeIfNoReply: z.boolean(), until: IsoDateTimeSchema }),
  z.object({ kind: z.literal('follow_up'), until: IsoDateTimeSchema }),
  z.object({ kind: z.literal('split'), since: IsoDateTimeSchema }),
  z.object({ kind: z.literal('spawned_case'), caseId: z.string(), since: IsoDateTimeSchema }),
]);
export type Wait = z.infer<typeof WaitSchema>;

/** A wait that ends on a date, by its timer; the others end when related cases do. */
export const isTimedWait = (wait: Wait | null): wait is Extract<Wait, { until: string }> => wait !== null && 'until' in wait;

/**
 * A timer the case asks for. The timer runtime fires it at `dueAt`; a firing whose generation no
 * longer matches the case is stale and does nothing.
 */
export const TimerRequestSchema = z.object({
  purpose: z.enum(['wait', 'auto_close', 'feedback_window']),
  dueAt: IsoDateTimeSchema,
  generation: z.number().int().positive(),
});
export type TimerRequest = z.infer<typeof TimerRequestSchema>;

export const ResolutionSchema = z.object({
  method: ResolutionMethodSchema,
  at: IsoDateTimeSchema,
  by: z.string(),
  /** The timeline entry (note or reply) that resolved the case, when there is one. */
  entrySeq: z.number().int().positive().nullable(),
});
export type Resolution = z.infer<typeof ResolutionSchema>;

export const CaseLinkSchema = z.object({
  kind: z.enum(['split_from', 'split_into', 'merged_into', 'merged_from', 'spawned', 'spawned_from', 'follows', 'followed_by']),
  caseId: z.string(),
  /** The other case's number, for people to read; links made before numbers were kept have none. */
  number: z.number().int().positive().optional(),
  /** On a link to a case this one waits for (split into, spawned): when that case was resolved or closed. */
  finishedAt: IsoDateTimeSchema.optional(),
  /** On a merged case's link to its target: what an unmerge gives back (its status, wait and timer before the merge). */
  restore: z
    .object({
      status: z.enum(['new', 'in_progress', 'waiting', 'answered']),
      wait: WaitSchema.nullable(),
      timer: TimerRequestSchema.pick({ purpose: true, dueAt: true }).nullable(),
    })
    .optional(),
});
export type CaseLink = z.infer<typeof CaseLinkSchema>;

export const CaseSchema = z.object({
  id: z.string(),
  number: z.number().int().positive(),
  title: z.string(),
  description: z.string(),
  status: CaseStatusSchema,
  wait: WaitSchema.nullable(),
  resolution: ResolutionSchema.nullable(),
  timer: TimerRequestSchema.nullable(),
  /** Increases each time a timer is armed, so a stale firing can be told from a live one. */
  timerGeneration: z.number().int().nonnegative(),
  /** Increases when an agent regenerates the case's public link: links of earlier generations stop working. */
  linkGeneration: z.number().int().nonnegative(),
  type: z.string().nullable(),
  category: z.string().nullable(),
  priority: PrioritySchema,
  slaLevel: z.string().nullable(),
  customStatusId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  /** Set when the assignee was chosen by someone else; the case shows in that agent's "delegated" list. */
  delegatedBy: z.string().nullable(),
  inbox: z.string().nullable(),
  channel: ChannelSchema,
  customerId: z.string().nullable(),
  contacts: z.object({
    primaryContact: ContactSchema.nullable(),
    requester: ContactSchema.nullable(),
    /** Further people replies go to, in copy: the contacts of cases merged into this one. */
    cc: z.array(ContactSchema).optional(),
  }),
  externalId: z.string().nullable(),
  links: z.array(CaseLinkSchema),
  /** "Needs attention": set when the case comes back to its agent, cleared when an agent opens it. */
  highlighted: z.boolean(),
  lastAgentEntry: z.object({ seq: z.number().int(), at: IsoDateTimeSchema }).nullable(),
  lastCustomerMessageAt: IsoDateTimeSchema.nullable(),
  createdBy: z.string(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  lastActivityAt: IsoDateTimeSchema,
  closedAt: IsoDateTimeSchema.nullable(),
  entryCount: z.number().int().nonnegative(),
  version: z.number().int().positive(),
});
export type Case = z.infer<typeof CaseSchema>;
