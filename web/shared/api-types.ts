import type * as z from 'zod';
import type { Command } from '../../functions/domain/lifecycle.ts';
import type { QueueName } from '../../functions/domain/queues.ts';
import type { UpdateCustomerInputSchema } from '../../functions/domain/customer.ts';
import type { PreferencesInputSchema, PreferencesResponseSchema } from '../../functions/domain/preferences.ts';
import type { PublicCaseResponseSchema, PublicLinkResponseSchema } from '../../functions/domain/public-case.ts';
import type { ActivatedResponseSchema, ActivationStateResponseSchema } from '../../functions/domain/intake-api.ts';
import type { PortalCaseListResponseSchema, PortalCaseResponseSchema } from '../../functions/domain/portal.ts';
import type { ExpertListResponseSchema } from '../../functions/domain/experts.ts';
import type { MergeInputSchema } from '../../functions/domain/merge.ts';
import type { ProfileResponseSchema } from '../../functions/domain/profile.ts';
import type { AttachmentUploadInputSchema, NoteInputSchema, ReplyInputSchema, ResolveInputSchema, UpdateCaseInputSchema, WaitInputSchema } from '../../functions/domain/requests.ts';
import type {
  AgentListResponseSchema,
  CaseListResponseSchema,
  CaseSummarySchema,
  CaseViewSchema,
  CaseWithTimelineResponseSchema,
  CustomerResponseSchema,
  ErrorResponseSchema,
  AttachmentUploadResponseSchema,
  MailHtmlResponseSchema,
  QueueCountsResponseSchema,
  RenderedTemplateResponseSchema,
  ReplyDraftResponseSchema,
  SettingsResponseSchema,
  TimelinePageResponseSchema,
} from '../../functions/domain/responses.ts';
import type { TemplateListResponseSchema } from '../../functions/domain/templates.ts';

/** The API's shapes, inferred from the zod schemas it validates and documents with: never restated. */
export type CaseView = z.infer<typeof CaseViewSchema>;
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export type CaseList = z.infer<typeof CaseListResponseSchema>;
export type CaseWithTimeline = z.infer<typeof CaseWithTimelineResponseSchema>;
export type TimelineEntryView = CaseWithTimeline['timeline'][number];
export type TimelinePage = z.infer<typeof TimelinePageResponseSchema>;
export type ErrorBody = z.infer<typeof ErrorResponseSchema>;
export type { Command, QueueName };

/** Request bodies as the caller may send them (defaults optional). */
export type NoteBody = z.input<typeof NoteInputSchema>;
export type ReplyBody = z.input<typeof ReplyInputSchema>;
export type ResolveBody = z.input<typeof ResolveInputSchema>;
export type WaitBody = z.input<typeof WaitInputSchema>;
export type MergeBody = z.input<typeof MergeInputSchema>;
export type UpdateCaseBody = z.input<typeof UpdateCaseInputSchema>;
export type AttachmentUploadBody = z.input<typeof AttachmentUploadInputSchema>;
export type PreferencesBody = z.input<typeof PreferencesInputSchema>;

export type CustomerResponse = z.infer<typeof CustomerResponseSchema>;
export type Customer = CustomerResponse['customer'];
export type AgentList = z.infer<typeof AgentListResponseSchema>;
export type Agent = AgentList['agents'][number];
export type ReplyDraftResponse = z.infer<typeof ReplyDraftResponseSchema>;
export type MailHtmlResponse = z.infer<typeof MailHtmlResponseSchema>;
export type Settings = z.infer<typeof SettingsResponseSchema>['settings'];
export type QueueCounts = z.infer<typeof QueueCountsResponseSchema>;
export type TemplateList = z.infer<typeof TemplateListResponseSchema>;
export type RenderedTemplate = z.infer<typeof RenderedTemplateResponseSchema>['rendered'];
export type Preferences = NonNullable<z.infer<typeof PreferencesResponseSchema>['preferences']>;
export type AttachmentUpload = z.infer<typeof AttachmentUploadResponseSchema>;
export type PublicCaseResponse = z.infer<typeof PublicCaseResponseSchema>;
export type PublicCase = PublicCaseResponse['case'];
export type ActivationState = z.infer<typeof ActivationStateResponseSchema>;
export type ActivatedResponse = z.infer<typeof ActivatedResponseSchema>;
export type PortalCaseList = z.infer<typeof PortalCaseListResponseSchema>;
export type PortalCaseSummary = PortalCaseList['items'][number];
export type PortalCaseResponse = z.infer<typeof PortalCaseResponseSchema>;
export type PortalCase = PortalCaseResponse['case'];
export type ExpertList = z.infer<typeof ExpertListResponseSchema>;
export type Profile = z.infer<typeof ProfileResponseSchema>['profile'];
export type PublicLinkResponse = z.infer<typeof PublicLinkResponseSchema>;
export type UpdateCustomerBody = z.input<typeof UpdateCustomerInputSchema>;
