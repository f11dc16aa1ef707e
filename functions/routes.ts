import * as z from 'zod';
import {
  AttachmentUploadInputSchema,
  CloseInputSchema,
  CreateCaseInputSchema,
  CustomerMessageInputSchema,
  DelegateInputSchema,
  LinkCustomerInputSchema,
  NoteInputSchema,
  ReplyDraftInputSchema,
  ReplyInputSchema,
  ResolveInputSchema,
  RobotRejectInputSchema,
  UpdateCaseInputSchema,
  WaitInputSchema,
} from './domain/requests.ts';
import { CreateCustomerInputSchema, FindCustomerQuerySchema, MergeCustomerInputSchema, UpdateCustomerInputSchema } from './domain/customer.ts';
import { FindCasesQuerySchema, NextCaseInputSchema, QUEUE_COUNT_CAP, QueueNameSchema, QueueQuerySchema, TimelineQuerySchema } from './domain/queues.ts';
import {
  AgentListResponseSchema,
  CaseListResponseSchema,
  CaseResponseSchema,
  CaseWithTimelineResponseSchema,
  AttachmentLinkResponseSchema,
  AttachmentUploadResponseSchema,
  CustomerResponseSchema,
  MailHtmlResponseSchema,
  MergeCustomerResponseSchema,
  QueueCountsResponseSchema,
  MergeResponseSchema,
  RelatedCasesResponseSchema,
  RenderedTemplateResponseSchema,
  SettingsResponseSchema,
  ReplyDraftResponseSchema,
  TimelinePageResponseSchema,
} from './domain/responses.ts';
import { EmailChangeAnswerSchema, EmailChangedResponseSchema, EmailChangeInputSchema } from './domain/email-change.ts';
import { ActivatedResponseSchema, ActivateInputSchema, ActivationStateResponseSchema, IntakeAnswerSchema, IntakeUploadResponseSchema } from './domain/intake-api.ts';
import { IntakeInputSchema, IntakeUploadInputSchema } from './domain/intake.ts';
import { ExpertListResponseSchema, NewCaseForExpertInputSchema } from './domain/experts.ts';
import { ProfileInputSchema, ProfileResponseSchema } from './domain/profile.ts';
import { PortalCaseListResponseSchema, PortalCaseResponseSchema, PortalCasesQuerySchema } from './domain/portal.ts';
import { PreferencesInputSchema, PreferencesResponseSchema } from './domain/preferences.ts';
import { MergeInputSchema } from './domain/merge.ts';
import { SpawnInputSchema } from './domain/spawn.ts';
import { MAX_SPLIT_CASES, SplitInputSchema } from './domain/split.ts';
import { PublicCaseResponseSchema, PublicCommentInputSchema, PublicLinkResponseSchema } from './domain/public-case.ts';
import { TemplateInputSchema, TemplateListResponseSchema, TemplateResponseSchema, TemplateSchema } from './domain/templates.ts';

export type Role = 'agent' | 'admin' | 'robot';

/**
 * Lambda functions, one per route group. `access` is what the group's function may do to the
 * table, `agentDirectory` whether it lists the user pool's agents, `caseLinks` whether it makes or
 * checks public case links (it reads the link secret), `customerAccounts` whether it creates and
 * deletes customers' accounts (and sends them mail): the CDK grants follow all four.
 */
export const ROUTE_GROUPS = {
  'case-queries': {
    access: 'read-write', agentDirectory: true, caseLinks: true, customerAccounts: false,
    description: "reads cases, timelines, queues, settings and the agent directory (records recent access; keeps the caller's preferences)",
  },
  'case-commands': { access: 'read-write', agentDirectory: true, caseLinks: false, customerAccounts: false, description: 'every change to a case' },
  customers: { access: 'read-write', agentDirectory: false, caseLinks: false, customerAccounts: false, description: 'customer records' },
  robots: { access: 'read-write', agentDirectory: false, caseLinks: false, customerAccounts: false, description: 'robot work pick-up and rejection' },
  templates: { access: 'read-write', agentDirectory: false, caseLinks: false, customerAccounts: false, description: 'reply, note and notification templates' },
  public: {
    access: 'read-write', agentDirectory: false, caseLinks: true, customerAccounts: false,
    description: "the customer's side without an account: a case through its public link",
  },
  portal: {
    access: 'read-write', agentDirectory: true, caseLinks: false, customerAccounts: true,
    description: "the signed-in customer's portal: their cases, the archive, writing, cancelling, new cases to their experts, the account",
  },
  intake: {
    access: 'read-write', agentDirectory: false, caseLinks: false, customerAccounts: true,
    description: "the form and widget on the tenant's site: submissions, activation links and registration; a customer's new e-mail address, confirmed by a link",
  },
  docs: { access: 'none', agentDirectory: false, caseLinks: false, customerAccounts: false, description: 'the OpenAPI document' },
} as const;
export type RouteGroup = keyof typeof ROUTE_GROUPS;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway path syntax: `{name}` is a path parameter. */
  path: string;
  group: RouteGroup;
  summary: string;
  /**
   * Roles allowed to call it (a staff pool token); `customer`: a customer signed in to the portal (a
   * customer pool token, acting on their own cases only); `public` needs no token.
   */
  auth: 'public' | 'customer' | readonly Role[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Request headers the route reads, by lower-case name. */
  headers?: z.ZodObject;
  body?: z.ZodType;
  /** Whether the route honours `If-Match` and `Idempotency-Key`. */
  mutation?: boolean;
  /** Polled: answers 304 with no body while `If-None-Match` names its ETag (the handler's, else a hash of the body). */
  conditional?: boolean;
  status: 200 | 201 | 202 | 204;
  /** The answer's body; none for 204. */
  response?: z.ZodType;
  /** When the route may also answer 201 with a new resource, what that means. */
  created?: string;
  /** Requests per second (steady, burst) the whole route takes before answering 429: set on public routes. */
  throttle?: { rate: number; burst: number };
}

const STAFF = ['agent', 'admin', 'robot'] as const;
const HUMANS = ['agent', 'admin'] as const;
const CaseParams = z.object({ caseId: z.uuid() });
const CustomerParams = z.object({ customerId: z.uuid() });
const TemplateParams = z.object({ templateId: TemplateSchema.shape.id });
/** A public link's token travels in a header, never in a path or query a log or a Referer would keep. */
const CaseLinkHeaders = z.object({
  'x-case-link': z.string().min(1).max(200).describe('the token after `#` in the case\'s public link'),
});
/** An activation link's token, like a case link's, travels in a header. */
const ActivationHeaders = z.object({
  'x-activation-token': z.string().min(1).max(200).describe("the token after `#` in the activation mail's link"),
});
/** So does the token of the link that confirms a customer's new e-mail address. */
const ConfirmationHeaders = z.object({
  'x-confirmation-token': z.string().min(1).max(200).describe("the token after `#` in the confirmation mail's link"),
});
/** Public routes take far less than the stage's limit: enough for people, not for a script guessing. */
const PUBLIC_THROTTLE = { rate: 10, burst: 20 };

/** A command on one case: same parameters, answer and auth for all of them. */
const caseRoute = <B extends z.ZodType | undefined = undefined>(
  path: string,
  summary: string,
  body?: B,
  method: Route['method'] = 'POST',
) => ({
  method,
  path: `/cases/{caseId}${path}`,
  group: 'case-commands' as RouteGroup,
  summary,
  auth: STAFF as Route['auth'],
  params: CaseParams,
  body: body as B,
  mutation: true,
  status: 200 as const,
  response: CaseResponseSchema,
});

/** Cases one merge call moves: each is its own transaction, and the call stays far inside the API's 30 s. */
export const MERGE_CASES_PER_CALL = 100;

/** The route table: CDK builds the HTTP API from it and the local server serves it. */
export const routes = {
  createCase: {
    method: 'POST', path: '/cases', group: 'case-commands', auth: STAFF, body: CreateCaseInputSchema, mutation: true,
    summary: 'Create a case, as a draft or submitted', status: 201, response: CaseResponseSchema,
  },
  findCases: {
    method: 'GET', path: '/cases', group: 'case-queries', auth: STAFF, query: FindCasesQuerySchema,
    summary: 'Find a case by its number ("#1042"): a list of that case, or an empty one', status: 200, response: CaseListResponseSchema,
  },
  getCase: {
    method: 'GET', path: '/cases/{caseId}', group: 'case-queries', auth: STAFF, params: CaseParams, conditional: true,
    summary: 'A case with its newest timeline entries; its ETag starts with the version (for If-Match) and changes with anything in the answer',
    status: 200, response: CaseWithTimelineResponseSchema,
  },
  listTimeline: {
    method: 'GET', path: '/cases/{caseId}/timeline', group: 'case-queries', auth: STAFF, params: CaseParams, query: TimelineQuerySchema,
    summary: "A page of a case's timeline, newest first by default", status: 200, response: TimelinePageResponseSchema,
  },
  getAttachmentLink: {
    method: 'GET', path: '/cases/{caseId}/timeline/{seq}/attachments/{index}', group: 'case-queries', auth: STAFF,
    params: z.object({ caseId: z.uuid(), seq: z.coerce.number().int().positive(), index: z.coerce.number().int().nonnegative() }),
    summary: "A short-lived download link for an attachment of an inbound e-mail or of an agent's reply; quarantined ones are refused (403)",
    status: 200, response: AttachmentLinkResponseSchema,
  },
  getMailHtml: {
    method: 'GET', path: '/cases/{caseId}/timeline/{seq}/html', group: 'case-queries', auth: STAFF,
    params: z.object({ caseId: z.uuid(), seq: z.coerce.number().int().positive() }),
    summary: 'The sanitised HTML of an inbound e-mail, for a sandboxed iframe; 404 when the message had no HTML, 413 when it is over 1 MB',
    status: 200, response: MailHtmlResponseSchema,
  },
  createAttachmentUpload: {
    method: 'POST', path: '/cases/{caseId}/attachments', group: 'case-queries', auth: HUMANS, params: CaseParams, body: AttachmentUploadInputSchema,
    summary: 'A 15-minute link to PUT a file to (with its Content-Type), for a reply on this case to attach by its key',
    status: 201, response: AttachmentUploadResponseSchema,
  },
  getReplyDraft: {
    method: 'GET', path: '/cases/{caseId}/reply-draft', group: 'case-queries', auth: HUMANS, params: CaseParams,
    summary: "The caller's own unsent reply on the case, as last saved; null when there is none. Nobody else's draft is ever shown",
    status: 200, response: ReplyDraftResponseSchema,
  },
  saveReplyDraft: {
    method: 'PUT', path: '/cases/{caseId}/reply-draft', group: 'case-commands', auth: HUMANS, params: CaseParams, body: ReplyDraftInputSchema,
    summary:
      "Save the caller's unsent reply as they type (not on the timeline; dropped 30 days after the last save). The first save on a " +
      'New case starts work on it, as any agent update does (In Progress, OPEN; an unassigned case is taken); later saves change only ' +
      "the draft, never the case's version. Sending the reply (POST …/replies, or …/resolve with a reply) discards it; a save " +
      'that finds its draft sent or discarded after reading it is refused (409 `reply_draft_gone`), so the sent text never returns as a draft',
    status: 200, response: ReplyDraftResponseSchema,
  },
  deleteReplyDraft: {
    method: 'DELETE', path: '/cases/{caseId}/reply-draft', group: 'case-commands', auth: HUMANS, params: CaseParams,
    summary: "Discard the caller's unsent reply; 204 whether or not there was one", status: 204,
  },
  updateCase: caseRoute('', 'Change title, type, category, priority, SLA level, custom status, contacts', UpdateCaseInputSchema, 'PATCH'),
  submitDraft: caseRoute('/submit', 'Submit a draft; every missing field is reported'),
  claimCase: caseRoute('/claim', 'Take an unassigned case for oneself'),
  delegateCase: caseRoute('/delegate', 'Assign the case to an agent, remembering who delegated it', DelegateInputSchema),
  unassignCase: caseRoute('/unassign', 'Return the case to the "to assign" queue'),
  setToDo: caseRoute('/todo', 'Set an In Progress case back to To Do'),
  addNote: caseRoute('/notes', 'Add a private note', NoteInputSchema),
  addReply: caseRoute('/replies', 'Record a public reply for e-mail delivery; the case becomes Answered', ReplyInputSchema),
  setWait: caseRoute('/wait', 'Wait for more information (N days) or for a follow-up date', WaitInputSchema, 'PUT'),
  cancelWait: caseRoute('/wait', 'Cancel the wait', undefined, 'DELETE'),
  resolveCase: caseRoute('/resolve', 'Resolve with a method, optionally with a note or reply ("send and resolve")', ResolveInputSchema),
  reopenCase: caseRoute('/reopen', 'Reopen a resolved case'),
  closeCase: caseRoute('/close', 'Close now (a resolved case, or resolve and close an open one)', CloseInputSchema),
  rejectAsSpam: caseRoute('/spam', 'Close as spam'),
  linkCustomer: caseRoute('/customer', 'Link the case to a customer record', LinkCustomerInputSchema, 'PUT'),
  recordCustomerMessage: {
    ...caseRoute(
      '/messages',
      'Record a message the customer sent through an integration or by phone: it ends a wait at once and reopens a ' +
        'resolved case; on a closed case it starts a linked follow-up case or reopens it, as the tenant chose',
      CustomerMessageInputSchema,
    ),
    created: 'The case was closed: the message started this new case, linked to it',
  },
  listQueue: {
    method: 'GET', path: '/queues/{queue}', group: 'case-queries', auth: STAFF, params: z.object({ queue: QueueNameSchema }),
    query: QueueQuerySchema, conditional: true, summary: 'A work queue, newest activity first except "to assign" (oldest first)', status: 200,
    response: CaseListResponseSchema,
  },
  countQueues: {
    method: 'GET', path: '/queues', group: 'case-queries', auth: STAFF, conditional: true,
    summary: `How many cases wait in "to assign" and in the caller's mine, delegated and waiting queues (each counted up to ${QUEUE_COUNT_CAP})`,
    status: 200, response: QueueCountsResponseSchema,
  },
  getSettings: {
    method: 'GET', path: '/settings', group: 'case-queries', auth: STAFF, conditional: true,
    summary: "The tenant's configuration a client offers choices from: custom statuses, categories, types, SLA levels, language and time zone",
    status: 200, response: SettingsResponseSchema,
  },
  getPreferences: {
    method: 'GET', path: '/me/preferences', group: 'case-queries', auth: HUMANS,
    summary: "The caller's console preferences (language, time zone)", status: 200, response: PreferencesResponseSchema,
  },
  putPreferences: {
    method: 'PUT', path: '/me/preferences', group: 'case-queries', auth: HUMANS, body: PreferencesInputSchema,
    summary: "Save the caller's console preferences; they follow the agent to any browser", status: 200, response: PreferencesResponseSchema,
  },
  renderTemplate: {
    method: 'GET', path: '/cases/{caseId}/templates/{templateId}', group: 'case-queries', auth: HUMANS,
    params: CaseParams.extend({ templateId: TemplateSchema.shape.id }),
    summary: 'A reply or note template filled in for this case and the caller, to insert into a reply or note and edit before sending',
    status: 200, response: RenderedTemplateResponseSchema,
  },
  listAgents: {
    method: 'GET', path: '/agents', group: 'case-queries', auth: STAFF, conditional: true,
    summary: "The agent directory (the user pool's agents group), by name: who a case may be assigned to, and the names of ids",
    status: 200, response: AgentListResponseSchema,
  },
  takeNextCase: {
    method: 'POST', path: '/robot/next', group: 'robots', auth: ['robot', 'admin'], body: NextCaseInputSchema, mutation: true,
    summary: 'Atomically claim the oldest case in "to assign" (matching the filters)', status: 200, response: CaseResponseSchema,
  },
  rejectCase: {
    ...caseRoute('/reject', 'A robot hands its case back to To Do for a human', RobotRejectInputSchema),
    group: 'robots' as RouteGroup, auth: ['robot'] as Route['auth'],
  },
  createCustomer: {
    method: 'POST', path: '/customers', group: 'customers', auth: HUMANS, body: CreateCustomerInputSchema, mutation: true,
    summary: 'Create a customer record; e-mail and external ID are unique', status: 201, response: CustomerResponseSchema,
  },
  findCustomer: {
    method: 'GET', path: '/customers', group: 'customers', auth: STAFF, query: FindCustomerQuerySchema,
    summary: 'Find a customer by e-mail or external ID', status: 200, response: CustomerResponseSchema,
  },
  getCustomer: {
    method: 'GET', path: '/customers/{customerId}', group: 'customers', auth: STAFF, params: CustomerParams,
    summary: 'A customer record; the ETag is its version', status: 200, response: CustomerResponseSchema,
  },
  updateCustomer: {
    method: 'PATCH', path: '/customers/{customerId}', group: 'customers', auth: HUMANS, params: CustomerParams, body: UpdateCustomerInputSchema,
    headers: z.object({ 'if-match': z.string().optional().describe('The ETag (version) you last saw; 409 if the record changed since') }),
    summary: "Correct a customer's contact data; a changed e-mail or external ID moves its alias (409 when another customer has it)",
    status: 200, response: CustomerResponseSchema,
  },
  mergeCustomer: {
    method: 'POST', path: '/customers/{customerId}/merge', group: 'customers', auth: HUMANS, params: CustomerParams, body: MergeCustomerInputSchema,
    summary:
      'Merge this customer record into another (`into`): its e-mail and external ID then find the other, which takes the contact data it ' +
      `lacked; its cases move there (${MERGE_CASES_PER_CALL} per call: call again while moreCases is true)`,
    status: 200, response: MergeCustomerResponseSchema,
  },
  listCustomerCases: {
    method: 'GET', path: '/customers/{customerId}/cases', group: 'customers', auth: STAFF, params: CustomerParams,
    query: QueueQuerySchema.pick({ limit: true, cursor: true }), summary: "A customer's cases, newest first", status: 200,
    response: CaseListResponseSchema,
  },
  listTemplates: {
    method: 'GET', path: '/templates', group: 'templates', auth: STAFF, query: QueueQuerySchema.pick({ limit: true, cursor: true }),
    summary: "A page of the tenant's templates, by id", status: 200, response: TemplateListResponseSchema,
  },
  getTemplate: {
    method: 'GET', path: '/templates/{templateId}', group: 'templates', auth: STAFF, params: TemplateParams,
    summary: 'A template; the ETag is its version', status: 200, response: TemplateResponseSchema,
  },
  putTemplate: {
    method: 'PUT', path: '/templates/{templateId}', group: 'templates', auth: ['admin'], params: TemplateParams, body: TemplateInputSchema,
    summary: 'Create a template, or replace it with If-Match: its ETag (409 if it changed since); a purpose names one template per language',
    status: 200, response: TemplateResponseSchema, created: 'The template was new',
  },
  deleteTemplate: {
    method: 'DELETE', path: '/templates/{templateId}', group: 'templates', auth: ['admin'], params: TemplateParams,
    summary: 'Delete a template (with If-Match: only at that version); answers what was deleted', status: 200,
    response: TemplateResponseSchema,
  },
  getPublicLink: {
    method: 'GET', path: '/cases/{caseId}/public-link', group: 'case-queries', auth: HUMANS, params: CaseParams,
    summary: "The case's public link, as notifications carry it in {{ticket_url}}: to hand to the customer", status: 200,
    response: PublicLinkResponseSchema,
  },
  regeneratePublicLink: caseRoute('/public-link', 'Replace the public link: the one the customer holds stops working'),
  splitCase: {
    method: 'POST', path: '/cases/{caseId}/split', group: 'case-commands', auth: HUMANS, params: CaseParams, body: SplitInputSchema, mutation: true,
    summary:
      `Split the case into 2 to ${MAX_SPLIT_CASES} new cases, each with its title, description, category, optionally an agent, and the ` +
      'entries of the original it refers to: the original waits ("split into several cases") until the last of them is resolved or ' +
      'closed, then resolves by itself as "split (completed)". All cases are written in one transaction',
    status: 201, response: RelatedCasesResponseSchema,
  },
  spawnCase: {
    method: 'POST', path: '/cases/{caseId}/spawn', group: 'case-commands', auth: HUMANS, params: CaseParams, body: SpawnInputSchema, mutation: true,
    summary:
      'Start a new case linked to this one (e.g. for another team). With `wait`, the original waits ("case started") until the new ' +
      'case is resolved or closed, then comes back to its agent highlighted; the wait can be cancelled like any other',
    status: 201, response: RelatedCasesResponseSchema,
  },
  mergeCase: {
    method: 'POST', path: '/cases/{caseId}/merge', group: 'case-commands', auth: HUMANS, params: CaseParams, body: MergeInputSchema, mutation: true,
    summary:
      'Merge the case into another open case ("updated an existing request"): it resolves as "merged" with no feedback timer, the ' +
      "target shows its public entries by reference and takes its contacts in copy, and the customer's mail, link and portal reach " +
      'the target from then on. Refused into itself, a closed case or a merged one (so merges never form a cycle). Both cases are ' +
      'written in one transaction',
    status: 200, response: MergeResponseSchema,
  },
  unmergeCase: {
    method: 'POST', path: '/cases/{caseId}/unmerge', group: 'case-commands', auth: HUMANS, params: CaseParams, mutation: true,
    summary:
      'Undo a merge within the feedback window: the case gets back its status, wait and timer; what reached the target meanwhile ' +
      'stays there',
    status: 200, response: MergeResponseSchema,
  },
  viewPublicCase: {
    method: 'GET', path: '/public/case', group: 'public', auth: 'public', headers: CaseLinkHeaders, throttle: PUBLIC_THROTTLE,
    summary: "A case through its public link: its number, title, the customer's status label and the public timeline, nothing internal",
    status: 200, response: PublicCaseResponseSchema,
  },
  getPublicFile: {
    method: 'GET', path: '/public/case/entries/{seq}/files/{index}', group: 'public', auth: 'public', headers: CaseLinkHeaders,
    throttle: PUBLIC_THROTTLE, params: z.object({ seq: z.coerce.number().int().positive(), index: z.coerce.number().int().nonnegative() }),
    summary: "A short-lived download link for a file of the public view's entry `seq` (its `index` in the entry's `files`)",
    status: 200, response: AttachmentLinkResponseSchema,
  },
  commentOnPublicCase: {
    method: 'POST', path: '/public/case/comments', group: 'public', auth: 'public', headers: CaseLinkHeaders, throttle: PUBLIC_THROTTLE,
    body: PublicCommentInputSchema,
    summary:
      'Comment through the public link, as the customer: it ends a wait and reopens a resolved case; on a closed case ' +
      'it starts a linked follow-up case or reopens it, as the tenant chose',
    status: 200, response: PublicCaseResponseSchema,
    created: 'The case was closed: the comment started this new case, whose link is in the answer',
  },
  listMyCases: {
    method: 'GET', path: '/my/cases', group: 'portal', auth: 'customer', query: PortalCasesQuerySchema,
    summary: "The signed-in customer's cases, newest first: open ones, or the archive (closed); says whether the archive has any",
    status: 200, response: PortalCaseListResponseSchema,
  },
  listMyExperts: {
    method: 'GET', path: '/my/experts', group: 'portal', auth: 'customer',
    summary: 'The experts (agents) the customer has dealt with: who may be sent a new case directly', status: 200, response: ExpertListResponseSchema,
  },
  createMyCase: {
    method: 'POST', path: '/my/cases', group: 'portal', auth: 'customer', body: NewCaseForExpertInputSchema,
    summary: 'A new case straight to one of the customer\'s experts, with no activation: it lands in that agent\'s own queue, highlighted',
    status: 201, response: PortalCaseResponseSchema,
  },
  getMyProfile: {
    method: 'GET', path: '/my/profile', group: 'portal', auth: 'customer',
    summary: "The customer's own settings: contact data, language (of the portal and of mail to them), invoice data", status: 200, response: ProfileResponseSchema,
  },
  updateMyProfile: {
    method: 'PATCH', path: '/my/profile', group: 'portal', auth: 'customer', body: ProfileInputSchema,
    summary: 'Change name, phone, language or invoice data (the fields given; null clears one)', status: 200, response: ProfileResponseSchema,
  },
  deleteMyAccount: {
    method: 'DELETE', path: '/my/account', group: 'portal', auth: 'customer',
    summary:
      "Delete the customer's account: their name, addresses and phone are erased from their record and every case " +
      '(the cases stay, anonymous), and they can no longer sign in',
    status: 204,
  },
  getMyCase: {
    method: 'GET', path: '/my/cases/{caseId}', group: 'portal', auth: 'customer', params: CaseParams,
    summary: "One of the customer's cases: its status in the customer's words and the public conversation; another customer's case is a 404",
    status: 200, response: PortalCaseResponseSchema,
  },
  getMyFile: {
    method: 'GET', path: '/my/cases/{caseId}/entries/{seq}/files/{index}', group: 'portal', auth: 'customer',
    params: CaseParams.extend({ seq: z.coerce.number().int().positive(), index: z.coerce.number().int().nonnegative() }),
    summary: "A short-lived download link for a file the customer's case view lists (entry `seq`, its `index` in `files`)",
    status: 200, response: AttachmentLinkResponseSchema,
  },
  commentOnMyCase: {
    method: 'POST', path: '/my/cases/{caseId}/comments', group: 'portal', auth: 'customer', params: CaseParams, body: PublicCommentInputSchema,
    summary:
      'Write on one of the customer\'s cases: it ends a wait and reopens a resolved case; on a closed case it starts a linked ' +
      'follow-up case or reopens it, as the tenant chose',
    status: 200, response: PortalCaseResponseSchema,
    created: 'The case was closed: the comment started this new case',
  },
  cancelMyCase: {
    method: 'POST', path: '/my/cases/{caseId}/cancel', group: 'portal', auth: 'customer', params: CaseParams,
    summary: 'The customer cancels their case: it closes at once, "cancelled by the customer"',
    status: 200, response: PortalCaseResponseSchema,
  },
  submitIntake: {
    method: 'POST', path: '/public/intake', group: 'intake', auth: 'public', throttle: PUBLIC_THROTTLE, body: IntakeInputSchema,
    summary:
      "A case from the form or widget on the tenant's site: the sender gets an activation link by e-mail, and the case " +
      'reaches the agents once it is activated. The answer is the same whether or not the address has an account',
    status: 202, response: IntakeAnswerSchema,
  },
  createIntakeUpload: {
    method: 'POST', path: '/public/intake/uploads', group: 'intake', auth: 'public', throttle: PUBLIC_THROTTLE, body: IntakeUploadInputSchema,
    summary:
      'A link to PUT one file for the form to (15 minutes), signed for exactly the declared type and size; name its key in the ' +
      "submission's `attachments`",
    status: 201, response: IntakeUploadResponseSchema,
  },
  getActivation: {
    method: 'GET', path: '/public/activation', group: 'intake', auth: 'public', headers: ActivationHeaders, throttle: PUBLIC_THROTTLE,
    summary: "What an activation link can do: register (set a password), activate (one click), or why it cannot (used, expired, gone)",
    status: 200, response: ActivationStateResponseSchema,
  },
  activateSubmission: {
    method: 'POST', path: '/public/activation', group: 'intake', auth: 'public', headers: ActivationHeaders, throttle: PUBLIC_THROTTLE,
    body: ActivateInputSchema,
    summary:
      'Activate the case (and, for an address without an account, register with a password and the terms accepted): ' +
      'the case reaches "to assign". A used, expired or replaced link answers 410',
    status: 201, response: ActivatedResponseSchema,
  },
  resendActivation: {
    method: 'POST', path: '/public/activation/resend', group: 'intake', auth: 'public', headers: ActivationHeaders, throttle: PUBLIC_THROTTLE,
    summary: 'Mail a fresh activation link for an expired one (the old link stops working), while the submission is kept',
    status: 202, response: IntakeAnswerSchema,
  },
  requestEmailChange: {
    method: 'POST', path: '/my/email-change', group: 'intake', auth: 'customer', body: EmailChangeInputSchema,
    summary:
      'Move the account to another e-mail address: a one-time link to confirm it is mailed there (24 hours), and nothing ' +
      'changes until it is opened. The answer is the same whether or not another customer has the address',
    status: 202, response: EmailChangeAnswerSchema,
  },
  confirmEmailChange: {
    method: 'POST', path: '/public/email-change', group: 'intake', auth: 'public', headers: ConfirmationHeaders, throttle: PUBLIC_THROTTLE,
    summary:
      "Confirm a new address with the link mailed to it: the account signs in with it, and the record and the open cases' " +
      'contacts use it. A used or expired link answers 410, an address another customer record has 409',
    status: 200, response: EmailChangedResponseSchema,
  },
  openApi: {
    method: 'GET', path: '/openapi.json', group: 'docs', auth: 'public', summary: 'This API as OpenAPI 3.1', status: 200,
    response: z.record(z.string(), z.unknown()),
  },
} as const satisfies Record<string, Route>;

export type RouteId = keyof typeof routes;

/** API Gateway's route key, as it arrives in `event.routeKey`. */
export const routeKey = (route: Pick<Route, 'method' | 'path'>): string => `${route.method} ${route.path}`;
