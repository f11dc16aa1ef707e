import * as z from 'zod';
import { ActorRefSchema } from './actor.ts';
import { CaseStatusSchema, ChannelSchema, IsoDateTimeSchema } from './case.ts';

const entryBase = {
  seq: z.number().int().positive(),
  at: IsoDateTimeSchema,
  actor: ActorRefSchema,
};

/** An attachment of an inbound e-mail, stored as its own object; agents fetch it through a short-lived link. */
export const MailAttachmentSchema = z.object({
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  /** The object's key in the mail bucket. */
  key: z.string(),
  inline: z.boolean(),
  contentId: z.string().nullable(),
  /** The receiving service found a virus in the message: kept for the record, never offered for download. */
  quarantined: z.boolean(),
});
export type MailAttachment = z.infer<typeof MailAttachmentSchema>;

/** What an inbound e-mail adds to its timeline entry; the full text and HTML live beside the raw message. */
export const InboundMailSchema = z.object({
  mailbox: z.string(),
  messageId: z.string().nullable(),
  subject: z.string(),
  /** Null once the sender's data was erased (the raw message deleted with it). */
  rawKey: z.string().nullable(),
  fullTextKey: z.string().nullable(),
  htmlKey: z.string().nullable(),
  attachments: z.array(MailAttachmentSchema),
  /** Why the message counts as automatic (auto-reply, list, bounce...), so nobody answers it automatically. */
  automatic: z.string().nullable(),
});
export type InboundMail = z.infer<typeof InboundMailSchema>;

/** Where an outbound message is: queued on the timeline, handed to the sender, then what SES reported. */
export const DeliverySchema = z.enum(['queued', 'sending', 'sent', 'delivered', 'bounced', 'complained', 'failed']);
export type Delivery = z.infer<typeof DeliverySchema>;

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
    /** Files the agent uploaded for the reply, sent with it. */
    attachments: z.array(z.object({ key: z.string(), filename: z.string(), contentType: z.string() })).optional(),
    /** Outbound delivery is done by the mail channel after the entry is stored. */
    delivery: DeliverySchema,
    /** The Message-ID the reply was sent with, once it was. */
    messageId: z.string().optional(),
    /** What the last delivery report said, for a failure or bounce. */
    deliveryDetail: z.string().optional(),
    /** Sent by the helpdesk itself (the acknowledgement of a new case), marked so no machine answers it. */
    automatic: z.literal('auto-replied').optional(),
  }),
  z.object({
    ...entryBase,
    type: z.literal('inbound_message'),
    visibility: z.literal('public'),
    text: z.string(),
    channel: ChannelSchema,
    from: z.string().nullable(),
    mail: InboundMailSchema.optional(),
    /** Files the customer uploaded with a form (an e-mail's are in `mail`). */
    attachments: z.array(z.object({ key: z.string(), filename: z.string(), contentType: z.string() })).optional(),
  }),
  z.object({
    ...entryBase,
    type: z.literal('related_entries'),
    visibility: z.literal('internal'),
    /** How this case came from the other: the entries are that case's, shown here by reference, not copied. */
    relation: z.enum(['split_from', 'merged_from']),
    caseId: z.string(),
    caseNumber: z.number().int().positive(),
    seqs: z.array(z.number().int().positive()),
  }),
  z.object({
    ...entryBase,
    type: z.literal('system'),
    visibility: z.literal('internal'),
    event: z.enum([
      'timer_fired', 'timer_failed', 'timer_rearmed', 'auto_closed', 'reopened', 'rejected_by_robot', 'follow_up_case', 'mail_problems', 'mail_delivery',
      'public_link_regenerated', 'split', 'spawned', 'related_case_finished', 'merged', 'unmerged',
    ]),
    detail: z.string(),
    status: CaseStatusSchema.optional(),
  }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
export type TimelineEntryType = TimelineEntry['type'];

/** An entry before the mutation gives it its sequence number, time and author. */
export type NewEntry = TimelineEntry extends infer E ? (E extends TimelineEntry ? Omit<E, 'seq' | 'at' | 'actor'> : never) : never;
