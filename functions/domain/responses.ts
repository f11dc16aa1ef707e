import * as z from 'zod';
import { AgentSchema } from './agents.ts';
import { CaseSchema, CaseStatusSchema, IsoDateTimeSchema, PrioritySchema } from './case.ts';
import { CustomerSchema } from './customer.ts';
import { HTTP_COMMANDS } from './lifecycle.ts';
import { COUNTED_QUEUES, QUEUE_COUNT_CAP } from './queues.ts';
import { LanguageSchema, TemplateKindSchema } from './templates.ts';
import { CustomStatusSchema } from './tenant-settings.ts';
import { TimelineEntrySchema } from './timeline.ts';

export const CaseLabelsSchema = z.object({
  agent: z.enum(['NEW', 'OPEN', 'SENT', 'CLOSED']).nullable(),
  customer: z.string().nullable(),
  enate: z.string(),
  sugester: z.enum(['New', 'In progress', 'Waiting', 'Closed']),
  tenant: z.string(),
});

export const CaseViewSchema = CaseSchema.omit({ entryCount: true })
  .extend({
    labels: CaseLabelsSchema,
    allowedCommands: z
      .array(
        z.enum(HTTP_COMMANDS).meta({
          id: 'CaseCommand',
          description:
            'a command on /cases/{caseId}: POST …/submit, claim, delegate, unassign, todo (set_todo), reject (robot_reject), ' +
            'notes (note), replies (reply), resolve, reopen, close, spam (reject_spam); PATCH the case (update_fields); ' +
            'PUT …/customer (link_customer); PUT …/wait (set_wait); DELETE …/wait (cancel_wait); POST …/public-link (regenerate_link)',
        }),
      )
      .describe('the commands the caller may run on the case now (its status, guards and who the caller is); offer exactly these'),
  })
  .meta({ id: 'Case' });

export const CaseResponseSchema = z.object({ case: CaseViewSchema });

/** A command that made cases from one: the original as it is now, and the new cases. */
export const RelatedCasesResponseSchema = z.object({ case: CaseViewSchema.describe('the original'), created: z.array(CaseViewSchema) });
export const MergeResponseSchema = z.object({
  case: CaseViewSchema.describe('the case merged, or taken out again'),
  target: CaseViewSchema.describe('the case it was merged into'),
});

const TimelineEntryViewSchema = z.intersection(TimelineEntrySchema.meta({ id: 'TimelineEntry' }), z.object({ isResolution: z.boolean() }));

export const CaseWithTimelineResponseSchema = z.object({
  case: CaseViewSchema,
  timeline: z.array(TimelineEntryViewSchema).describe('the newest entries (up to 50, about 1 MB at most), oldest first'),
  timelineCursor: z
    .string()
    .nullable()
    .describe('older entries: GET /cases/{caseId}/timeline?cursor=…; null when the timeline above is the whole of it'),
});

export const TimelinePageResponseSchema = z.object({
  items: z.array(TimelineEntryViewSchema),
  nextCursor: z.string().nullable().describe('pass as `cursor` for the next page, in the same order; null on the last page'),
});

/** One row of a queue or customer list: the columns Welyo shows, plus what a queue sorts by. */
export const CaseSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  status: CaseStatusSchema,
  labels: CaseLabelsSchema,
  priority: PrioritySchema,
  category: z.string().nullable(),
  assigneeId: z.string().nullable(),
  delegatedBy: z.string().nullable(),
  inbox: z.string().nullable(),
  customerId: z.string().nullable(),
  highlighted: z.boolean(),
  dueAt: IsoDateTimeSchema.nullable(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  accessedAt: IsoDateTimeSchema.optional(),
}).meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseListResponseSchema = z.object({
  items: z.array(CaseSummarySchema),
  nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last page'),
});

export const AttachmentLinkResponseSchema = z.object({
  url: z.url().describe('works without a token until expiresAt; downloads under the original file name'),
  expiresAt: IsoDateTimeSchema,
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative().optional().describe("an e-mail attachment's size in bytes; a reply's files are linked without it"),
}).meta({ id: 'AttachmentLink' });

export const AttachmentUploadResponseSchema = z.object({
  key: z.string().describe('name it in the reply: attachments[].key'),
  uploadUrl: z.url().describe('PUT the file here, with the Content-Type given, before expiresAt'),
  expiresAt: IsoDateTimeSchema,
  filename: z.string(),
  contentType: z.string(),
}).meta({ id: 'AttachmentUpload' });

export const ReplyDraftSchema = z.object({
  text: z.string(),
  includeHistory: z.boolean(),
  updatedAt: IsoDateTimeSchema.describe('when it was last saved; it is dropped 30 days later'),
});
export type ReplyDraft = z.infer<typeof ReplyDraftSchema>;

export const ReplyDraftResponseSchema = z.object({
  draft: ReplyDraftSchema.nullable().describe("the caller's own unsent reply on this case; null when there is none"),
});

/**
 * The largest sanitised HTML of an e-mail the API returns, as stored and again as escaped in the
 * JSON answer (at most twice that): far below Lambda's 6 MB response limit.
 */
export const MAX_MAIL_HTML_BYTES = 1024 * 1024;

export const MailHtmlResponseSchema = z.object({
  html: z
    .string()
    .describe(
      'the sanitised HTML of the e-mail as stored (no scripts, no event handlers); show it in a sandboxed iframe. ' +
        'HTML over 1 MB (or over 2 MB once escaped as JSON) is refused with 413 `html_too_large`: show the entry\'s text instead',
    ),
});

export const AgentListResponseSchema = z.object({ agents: z.array(AgentSchema) });

export const QueueCountsResponseSchema = z.object({
  counts: z.array(
    z.object({
      queue: z.enum(COUNTED_QUEUES),
      count: z.number().int().nonnegative(),
      more: z.boolean().describe(`the queue holds at least ${QUEUE_COUNT_CAP} cases and was counted no further: show "${QUEUE_COUNT_CAP}+"`),
    }),
  ).describe("the caller's personal queues and the team's to-assign queue"),
});

/** What a client needs of the tenant's configuration to offer the right choices. */
export const SettingsResponseSchema = z.object({
  settings: z.object({
    name: z.string(),
    language: LanguageSchema.describe('the language of mail to a customer whose own is not known'),
    timeZone: z.string(),
    customStatuses: z.array(CustomStatusSchema).describe("the tenant's own statuses; each applies while a case is in its system status"),
    categories: z.array(z.string()).describe('the categories a case may have; empty when any text is accepted'),
    types: z.array(z.string()).describe('the types a case may have; empty when any text is accepted'),
    slaLevels: z.array(z.string()).describe('the SLA levels a case may have; empty when any text is accepted'),
    requireResolution: z.enum(['none', 'note_or_email']).describe('whether resolving needs a note or a reply with it'),
  }),
});

export const RenderedTemplateResponseSchema = z.object({
  rendered: z.object({
    templateId: z.string(),
    kind: TemplateKindSchema.exclude(['notification']),
    language: LanguageSchema,
    subject: z.string().optional(),
    body: z.string().describe('the template with its placeholders filled in for this case and the caller: insert it and edit'),
  }),
});

export const CustomerResponseSchema = z.object({ customer: CustomerSchema.meta({ id: 'Customer' }) });

export const MergeCustomerResponseSchema = z.object({
  customer: CustomerSchema.meta({ id: 'Customer' }).describe('the record merged into'),
  movedCases: z.number().int().nonnegative().describe('cases this call moved'),
  moreCases: z.boolean().describe('the merged record still has cases: call again to move them'),
});

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    allowed: z.array(z.string()).optional(),
  }),
}).meta({ id: 'Error' });
