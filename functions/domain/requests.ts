import * as z from 'zod';
import { ContactSchema, IsoDateTimeSchema, PrioritySchema, ResolutionMethodSchema } from './case.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Title = Text(200);
const Body = Text(100_000);

export const ContactsInputSchema = z.object({
  primaryContact: ContactSchema.nullable().optional(),
  requester: ContactSchema.nullable().optional(),
  cc: z.array(ContactSchema).max(50).optional().describe('people replies go to in copy (a merge adds the merged case\'s contacts here)'),
});

export const CreateCaseInputSchema = z.strictObject({
  draft: z.boolean().default(false).describe('true keeps the case as a draft until it is submitted'),
  title: Title.optional(),
  description: Body.optional(),
  category: Text(100).optional(),
  type: Text(100).optional(),
  priority: PrioritySchema.default('normal'),
  slaLevel: Text(100).optional(),
  customStatusId: Text(40).optional(),
  inbox: Text(320).optional(),
  customerId: Text(100).optional(),
  externalId: Text(200).optional(),
  contacts: ContactsInputSchema.default({}),
  assigneeId: Text(200).nullable().optional().describe('defaults to the creating agent; null leaves the case in "to assign"'),
});
export type CreateCaseInput = z.infer<typeof CreateCaseInputSchema>;

export const UpdateCaseInputSchema = z
  .strictObject({
    title: Title,
    description: Body,
    category: Text(100).nullable(),
    type: Text(100).nullable(),
    priority: PrioritySchema,
    slaLevel: Text(100).nullable(),
    customStatusId: Text(40).nullable(),
    inbox: Text(320).nullable(),
    externalId: Text(200).nullable(),
    contacts: ContactsInputSchema,
  })
  .partial()
  .refine((input) => Object.keys(input).length > 0, { message: 'give at least one field to change' });
export type UpdateCaseInput = z.infer<typeof UpdateCaseInputSchema>;

export const DelegateInputSchema = z.strictObject({ agentId: Text(200) });
export const RobotRejectInputSchema = z.strictObject({ reason: Text(2_000) });

export const NoteInputSchema = z.strictObject({ text: Body, templateId: Text(100).optional() });
export type NoteInput = z.infer<typeof NoteInputSchema>;

/** The largest file an agent may attach; SES takes 40 MB per message, and base64 grows a file by a third. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_REPLY_ATTACHMENTS = 10;

/** A file uploaded for a reply through `POST /cases/{caseId}/attachments` (its key comes from there). */
export const ReplyAttachmentSchema = z.strictObject({
  key: z.string().regex(/^outbound\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/, 'a key from POST /cases/{caseId}/attachments'),
  filename: Text(255),
  contentType: Text(255),
});
export type ReplyAttachment = z.infer<typeof ReplyAttachmentSchema>;

export const AttachmentUploadInputSchema = z.strictObject({
  filename: Text(255),
  contentType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'a media type such as application/pdf'),
  size: z.number().int().positive().max(MAX_ATTACHMENT_BYTES),
});

export const ReplyInputSchema = z.strictObject({
  subject: Title.optional().describe('defaults to the case title; on a draft with no title it becomes the title'),
  text: Body,
  templateId: Text(100).optional(),
  fromMailbox: z.email().optional(),
  to: z.array(z.email()).max(50).optional().describe('defaults to the primary contact'),
  includeHistory: z.boolean().default(false),
  attachments: z.array(ReplyAttachmentSchema).max(MAX_REPLY_ATTACHMENTS).optional().describe('files uploaded for this case first'),
});
export type ReplyInput = z.infer<typeof ReplyInputSchema>;

/**
 * An unsent reply, saved as the agent types. Kept exactly as typed (not trimmed), so a reload
 * puts back what was in the box; it must hold something besides white space, as a reply must.
 */
export const ReplyDraftInputSchema = z.strictObject({
  text: z.string().min(1).max(100_000).regex(/\S/, 'write something besides white space'),
  includeHistory: z.boolean().default(false),
});
export type ReplyDraftInput = z.infer<typeof ReplyDraftInputSchema>;

export const WaitInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('more_info'),
    days: z.number().int().min(1).max(365),
    closeIfNoReply: z.boolean().default(false),
  }),
  z.strictObject({ kind: z.literal('follow_up'), until: IsoDateTimeSchema }),
]);
export type WaitInput = z.infer<typeof WaitInputSchema>;

const ManualResolutionMethodSchema = ResolutionMethodSchema.extract(['replied_to_customer', 'no_customer_response', 'rejected', 'unknown_address']);

export const ResolveInputSchema = z.strictObject({
  method: ManualResolutionMethodSchema.default('replied_to_customer'),
  note: NoteInputSchema.optional().describe('an internal resolution note'),
  reply: ReplyInputSchema.optional().describe('"send and resolve": the resolution e-mail'),
});
export type ResolveInput = z.infer<typeof ResolveInputSchema>;

/** Closing an unresolved case resolves it first, so it takes the same input. */
export const CloseInputSchema = ResolveInputSchema;
export type CloseInput = ResolveInput;

export const CustomerMessageInputSchema = z.strictObject({
  text: Body,
  channel: z.enum(['email', 'portal', 'widget', 'form']),
  from: z.string().nullable().default(null),
});
export type CustomerMessageInput = z.infer<typeof CustomerMessageInputSchema>;

export const LinkCustomerInputSchema = z.strictObject({ customerId: Text(100) });
