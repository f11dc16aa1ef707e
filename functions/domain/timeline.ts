import * as z from 'zod';
import { ActorRefSchema } from './actor.ts';
import { CaseStatusSchema, ChannelSchema, IsoDateTimeSchema } from './case.ts';

const entryBase = {
  seq: z.number().int().positive(),
  at: IsoDateTimeSchema,
  actor: ActorRefSchema,
};

const FieldChangeSchema = z.object({
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
});

/**
 * Timeline entries. `visibility` is fixed by the entry type: notes, field changes and system
 * events are internal, and every customer-facing path filters on it.
 */
export const TimelineEntrySchema = z.discriminatedUnion('type', [
  z.object({ ...entryBase, type: z.literal('description'), visibility: z.literal('public'), text: z.string() }),
  z.object({ ...entryBase, type: z.literal('field_change'), visibility: z.literal('internal'), changes: z.array(FieldChangeSchema) }),
  z.object({
    ...entryBase,
    type: z.literal('note'),
    visibility: z.literal('internal'),
    text: z.string(),
    templateId: z.string().nullable(),
  }),
  z.object({
    ...entryBase,
    type: z.literal('reply'),
    visibility: z.literal('public'),
    subject: z.string().nullable(),
    text: z.string(),
    templateId: z.string().nullable(),
    fromMailbox: z.string().nullable(),
    to: z.array(z.string()),
    includeHistory: z.boolean(),
    /** Outbound delivery is done by the mail channel after the entry is stored. */
    delivery: z.enum(['queued', 'sent', 'failed']),
  }),
  z.object({
    ...entryBase,
    type: z.literal('inbound_message'),
    visibility: z.literal('public'),
    text: z.string(),
    channel: ChannelSchema,
    from: z.string().nullable(),
  }),
  z.object({
    ...entryBase,
    type: z.literal('system'),
    visibility: z.literal('internal'),
    event: z.enum(['timer_fired', 'timer_failed', 'timer_rearmed', 'auto_closed', 'reopened', 'rejected_by_robot', 'follow_up_case']),
    detail: z.string(),
    status: CaseStatusSchema.optional(),
  }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
export type TimelineEntryType = TimelineEntry['type'];

/** An entry before the mutation gives it its sequence number, time and author. */
export type NewEntry = TimelineEntry extends infer E ? (E extends TimelineEntry ? Omit<E, 'seq' | 'at' | 'actor'> : never) : never;
