import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import type { Customer } from '../functions/domain/customer.ts';
import { QUEUE_COUNT_CAP, type QueueName } from '../functions/domain/queues.ts';
import { createS3Client, MailObjects, parsedKeys } from '../functions/mail/mail-objects.ts';
import { type RouteId, routes } from '../functions/routes.ts';
import type { CustomerAccounts } from '../functions/shared/customer-accounts.ts';
import { CaseLinks } from '../functions/shared/case-links.ts';
import { ObjectStore } from '../local/storage/object-store.ts';
import { createS3Endpoint } from '../local/storage/s3-endpoint.ts';
import { type ApiRequest, type Caller, callerId } from './api-event.ts';
import { COMPLETE_CASE, SECOND_AGENT, type SeedState, Seeder } from './seed.ts';
import type { Target } from './targets.ts';

export interface PrepareContext {
  seeder: Seeder;
  /** One customer record shared by the customer operations. */
  customer: Customer;
  /** The record the signed-in customer of the portal operations is (BENCH_CUSTOMER_ID). */
  portalCustomer: Customer;
  /** The local customer pool, for operations whose customers need an account there. */
  accounts: CustomerAccounts;
}

/** One row of the DynamoDB cost table: a route, called with valid preconditions many times. */
export interface Operation {
  /** The route id, with the queue for listQueue. */
  name: string;
  routeId: RouteId;
  caller: Caller;
  target: Target;
  /** Untimed: brings the table into the state the calls need and returns one request per call. */
  prepare: (context: PrepareContext, count: number) => Promise<ApiRequest[]>;
}

/** A full page (the default limit is 25), so every listing reads the same amount. */
const LISTED = 30;
/** Notes beyond the timeline's default page of 50, so each page read is full and has a cursor. */
const TIMELINE_NOTES = 60;

/** The bench tenant's links: the same secret the measured functions are given (bench/dynamodb-cost.ts). */
export const BENCH_LINKS = new CaseLinks(Buffer.from('the bench tenant secret for public case links'), 'https://portal.bench.example/portal');

const TEMPLATE = { kind: 'reply', language: 'pl', name: 'Podziękowanie', body: 'Dziękujemy, {{customer_name}}.' };

const times = <T>(count: number, make: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => make(i));

/** The sanitised HTML of a formatted support e-mail, about 10 KB. */
const MAIL_HTML = `<div>${'<p>Dzień dobry, w załączniku <b>instrukcja</b> drukarki.</p>'.repeat(160)}</div>`;

let mailHtmlKey: Promise<string> | undefined;

/**
 * getMailHtml reads the mail bucket: a local S3 endpoint (the runtime's, on a temporary folder)
 * holds the object, found through AWS_ENDPOINT_URL_S3 as in `npm start` (the cost section drops
 * the variable when it ends). Started once, before any operation: the functions build their S3
 * client on first use (a download link signed for another route) and keep it, endpoint and all.
 * Unreferenced, so it never keeps the bench running.
 */
export function storedMailHtml(): Promise<string> {
  mailHtmlKey ??= (async () => {
    const server = createS3Endpoint(new ObjectStore(mkdtempSync(join(tmpdir(), 'helpdesk-bench-s3-'))));
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    server.unref();
    process.env.AWS_ENDPOINT_URL_S3 = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const objects = new MailObjects(createS3Client(), process.env.MAIL_BUCKET!);
    await createS3Client().send(new CreateBucketCommand({ Bucket: objects.bucket }));
    const key = parsedKeys(randomUUID()).html;
    await objects.put(key, MAIL_HTML, 'text/html; charset=utf-8');
    return key;
  })();
  return mailHtmlKey;
}

/** A command on a case that is, before each call, freshly in `state`. */
const onFreshCase = (routeId: RouteId, state: SeedState, body?: unknown, caller: Caller = 'agent'): Operation => ({
  name: routeId,
  routeId,
  caller,
  target: 'mutation',
  prepare: async ({ seeder }, count) =>
    (await seeder.cases(state, count)).map((c) => ({ pathParameters: { caseId: c.id }, ...(body === undefined ? {} : { body }) })),
});

const queue = (name: QueueName, state: SeedState): Operation => ({
  name: `listQueue (${name})`,
  routeId: 'listQueue',
  caller: 'agent',
  target: 'one-query',
  prepare: async ({ seeder }, count) => {
    const cases = await seeder.cases(state, LISTED);
    if (name === 'recent') await seeder.recentAccess(cases);
    return times(count, () => ({ pathParameters: { queue: name } }));
  },
});

/** Every route in functions/routes.ts, each queue of listQueue separately. */
export const OPERATIONS: Operation[] = [
  {
    name: 'createCase',
    routeId: 'createCase',
    caller: 'agent',
    target: 'create',
    prepare: async (_context, count) => times(count, () => ({ body: COMPLETE_CASE })),
  },
  {
    name: 'findCases',
    routeId: 'findCases',
    caller: 'agent',
    target: 'alias-and-case',
    prepare: async ({ seeder }, count) => (await seeder.cases('in-progress', count)).map((c) => ({ query: { number: String(c.number) } })),
  },
  {
    name: 'getCase',
    routeId: 'getCase',
    caller: 'agent',
    target: 'case-page-and-recent-access',
    prepare: async ({ seeder }, count) => (await seeder.cases('in-progress', count)).map((c) => ({ pathParameters: { caseId: c.id } })),
  },
  {
    name: 'listTimeline',
    routeId: 'listTimeline',
    caller: 'agent',
    target: 'case-and-page',
    // Reading changes nothing, so one case serves every call, as one queue serves listQueue.
    prepare: async ({ seeder }, count) => {
      const [c] = await seeder.cases('in-progress', 1, { notes: TIMELINE_NOTES });
      return times(count, () => ({ pathParameters: { caseId: c!.id } }));
    },
  },
  onFreshCase('updateCase', 'new-mine', { title: 'Printer on floor 3 jams', priority: 'high' }),
  onFreshCase('submitDraft', 'draft'),
  onFreshCase('claimCase', 'to-assign'),
  onFreshCase('delegateCase', 'new-mine', { agentId: SECOND_AGENT }),
  onFreshCase('unassignCase', 'new-mine'),
  onFreshCase('setToDo', 'in-progress'),
  onFreshCase('addNote', 'new-mine', { text: 'Asked facilities for a new fuser.' }),
  {
    // A note on a case already in work only appends: it lands on top of concurrent notes.
    ...onFreshCase('addNote', 'in-progress', { text: 'Facilities will bring the fuser tomorrow.' }),
    name: 'addNote (a case in work)',
    target: 'append',
  },
  onFreshCase('addReply', 'new-mine', { text: 'We have ordered a new fuser; it arrives on Thursday.' }),
  onFreshCase('setWait', 'new-mine', { kind: 'more_info', days: 3 }),
  onFreshCase('cancelWait', 'waiting'),
  onFreshCase('resolveCase', 'in-progress', { method: 'replied_to_customer' }),
  onFreshCase('reopenCase', 'resolved'),
  onFreshCase('closeCase', 'resolved', {}),
  onFreshCase('rejectAsSpam', 'new-mine'),
  // Two new cases and the original: the counter reserves both numbers at once, then one transaction.
  {
    ...onFreshCase('splitCase', 'in-progress', {
      cases: [
        { title: 'Refund the second charge', description: 'Charged twice in October.', entries: [1] },
        { title: 'Correct the invoice address', description: 'The street is wrong.' },
      ],
    }),
    target: 'create',
  },
  { ...onFreshCase('spawnCase', 'in-progress', { title: 'Replace the router on site', description: 'Field team, please.', wait: true }), target: 'create' },
  // The source, its target's number alias, the target and the source's timeline read; both cases written in one transaction.
  {
    name: 'mergeCase',
    routeId: 'mergeCase',
    caller: 'agent',
    target: 'merge',
    prepare: async ({ seeder }, count) => {
      const [sources, targets] = [await seeder.cases('in-progress', count), await seeder.cases('in-progress', count)];
      return sources.map((c, i) => ({ pathParameters: { caseId: c.id }, body: { into: targets[i]!.number } }));
    },
  },
  {
    name: 'unmergeCase',
    routeId: 'unmergeCase',
    caller: 'agent',
    target: 'unmerge',
    prepare: async ({ seeder }, count) => (await seeder.mergedCases(count)).map((c) => ({ pathParameters: { caseId: c.id } })),
  },
  {
    name: 'linkCustomer',
    routeId: 'linkCustomer',
    caller: 'agent',
    target: 'mutation',
    prepare: async ({ seeder, customer }, count) =>
      (await seeder.cases('new-mine', count)).map((c) => ({ pathParameters: { caseId: c.id }, body: { customerId: customer.id } })),
  },
  onFreshCase(
    'recordCustomerMessage',
    'waiting',
    { text: 'Here is the form you asked for.', channel: 'email', from: 'jan@example.com' },
    'robot',
  ),
  queue('to-assign', 'to-assign'),
  queue('mine', 'new-mine'),
  queue('delegated', 'delegated'),
  queue('waiting', 'waiting'),
  queue('archive', 'closed'),
  queue('recent', 'new-mine'),
  {
    name: 'listAgents',
    routeId: 'listAgents',
    caller: 'agent',
    target: 'none',
    // The directory is Cognito's, held a minute in the warm function: no table read.
    prepare: async (_context, count) => times(count, () => ({})),
  },
  {
    name: 'getPublicLink',
    routeId: 'getPublicLink',
    caller: 'agent',
    target: 'none',
    // Derived from the case and the tenant's secret: one GetItem of the case.
    prepare: async ({ seeder }, count) => (await seeder.cases('in-progress', count)).map((c) => ({ pathParameters: { caseId: c.id } })),
  },
  {
    name: 'regeneratePublicLink',
    routeId: 'regeneratePublicLink',
    caller: 'agent',
    target: 'mutation',
    prepare: async ({ seeder }, count) => (await seeder.cases('in-progress', count)).map((c) => ({ pathParameters: { caseId: c.id } })),
  },
  {
    name: 'viewPublicCase',
    routeId: 'viewPublicCase',
    caller: 'public',
    target: 'case-and-page',
    // A case whose internal notes push the public entries past the first page would read more pages; this one has none.
    prepare: async ({ seeder }, count) =>
      (await seeder.cases('in-progress', count)).map((c) => ({ headers: { 'x-case-link': BENCH_LINKS.token(c) } })),
  },
  {
    name: 'getPublicFile',
    routeId: 'getPublicFile',
    caller: 'public',
    target: 'none',
    // The case (to check the link's generation), then the entry; the link is signed without a request to S3.
    prepare: async ({ seeder }, count) => {
      const [c] = await seeder.mailCase();
      return times(count, () => ({ pathParameters: { seq: '1', index: '0' }, headers: { 'x-case-link': BENCH_LINKS.token(c!) } }));
    },
  },
  {
    name: 'commentOnPublicCase',
    routeId: 'commentOnPublicCase',
    caller: 'public',
    target: 'none',
    // GetItem + TransactWriteItems to record it, then the case's public side read back: GetItem + Query.
    prepare: async ({ seeder }, count) =>
      (await seeder.cases('in-progress', count)).map((c) => ({ headers: { 'x-case-link': BENCH_LINKS.token(c) }, body: { text: 'Dziękuję, czekam.' } })),
  },
  {
    name: 'listMyCases',
    routeId: 'listMyCases',
    caller: 'customer',
    target: 'none',
    // The customer's record, then one Query of their cases and COUNT Queries until a closed one is found (none here: all pages).
    prepare: async ({ seeder, portalCustomer }, count) => {
      await seeder.cases('in-progress', LISTED, { customerId: portalCustomer.id });
      return times(count, () => ({}));
    },
  },
  {
    name: 'getMyCase',
    routeId: 'getMyCase',
    caller: 'customer',
    target: 'none',
    // The customer's record, the case, then its public side (one Query).
    prepare: async ({ seeder, portalCustomer }, count) =>
      (await seeder.cases('in-progress', count, { customerId: portalCustomer.id })).map((c) => ({ pathParameters: { caseId: c.id } })),
  },
  {
    name: 'getMyFile',
    routeId: 'getMyFile',
    caller: 'customer',
    target: 'none',
    // The customer's record, the case, the entry; the link is signed without a request to S3.
    prepare: async ({ seeder, portalCustomer }, count) => {
      const [c] = await seeder.mailCase({ customerId: portalCustomer.id });
      return times(count, () => ({ pathParameters: { caseId: c!.id, seq: '1', index: '0' } }));
    },
  },
  {
    name: 'commentOnMyCase',
    routeId: 'commentOnMyCase',
    caller: 'customer',
    target: 'none',
    // The customer's record, the case, the transaction, then the public side read back (one Query).
    prepare: async ({ seeder, portalCustomer }, count) =>
      (await seeder.cases('in-progress', count, { customerId: portalCustomer.id })).map((c) => ({
        pathParameters: { caseId: c.id },
        body: { text: 'Dziękuję, sprawdzę.' },
      })),
  },
  {
    name: 'cancelMyCase',
    routeId: 'cancelMyCase',
    caller: 'customer',
    target: 'none',
    // The customer's record, the case, the transaction, then the public side read back (one Query).
    prepare: async ({ seeder, portalCustomer }, count) =>
      (await seeder.cases('in-progress', count, { customerId: portalCustomer.id })).map((c) => ({ pathParameters: { caseId: c.id } })),
  },
  {
    name: 'listMyExperts',
    routeId: 'listMyExperts',
    caller: 'customer',
    target: 'none',
    // The customer's record, one Query of their recent cases; the directory is Cognito's, not the table's.
    prepare: async ({ seeder, portalCustomer }, count) => {
      await seeder.cases('in-progress', 1, { customerId: portalCustomer.id });
      return times(count, () => ({}));
    },
  },
  {
    name: 'createMyCase',
    routeId: 'createMyCase',
    caller: 'customer',
    target: 'none',
    // The customer's record (twice: whose record, then the contact), one Query of their cases, then the create (counter + transaction) and the view's Query.
    prepare: async ({ seeder, portalCustomer }, count) => {
      await seeder.cases('in-progress', 1, { customerId: portalCustomer.id });
      return times(count, () => ({ body: { expertId: callerId('agent'), subject: 'Kolejne pytanie', message: 'Czy mogę zmienić termin?' } }));
    },
  },
  {
    name: 'getMyProfile',
    routeId: 'getMyProfile',
    caller: 'customer',
    target: 'none',
    // The customer's record, read twice (whose it is, then the profile).
    prepare: async (_context, count) => times(count, () => ({})),
  },
  {
    name: 'updateMyProfile',
    routeId: 'updateMyProfile',
    caller: 'customer',
    target: 'none',
    // The customer's record, then the conditional write of its new version.
    prepare: async (_context, count) => times(count, (i) => ({ body: { phone: `+48 600 ${100 + (i % 900)} 300` } })),
  },
  {
    name: 'submitIntake',
    routeId: 'submitIntake',
    caller: 'public',
    target: 'none',
    // The address's hourly counter (UpdateItem), the activation (PutItem), the tenant's activation template (its alias).
    prepare: async (_context, count) =>
      times(count, () => ({ body: { name: 'Anna Nowak', email: `anna-${randomUUID()}@example.com`, subject: 'Brak faktury', message: 'Proszę o fakturę.' } })),
  },
  {
    name: 'createIntakeUpload',
    routeId: 'createIntakeUpload',
    caller: 'public',
    target: 'none',
    // Signed in the function: no table request, no S3 request.
    prepare: async (_context, count) => times(count, () => ({ body: { filename: 'faktura.pdf', contentType: 'application/pdf', size: 52_000 } })),
  },
  {
    name: 'getActivation',
    routeId: 'getActivation',
    caller: 'public',
    target: 'none',
    // The activation, then whether its address has a customer record (the alias).
    prepare: async ({ seeder }, count) => (await seeder.activations(count)).map((token) => ({ headers: { 'x-activation-token': token } })),
  },
  {
    name: 'activateSubmission',
    routeId: 'activateSubmission',
    caller: 'public',
    target: 'none',
    // A first-time sender registering: the activation and the alias read, the new customer record and
    // its account (two transactions), then the case with the link marked used (counter + transaction).
    prepare: async ({ seeder }, count) =>
      (await seeder.activations(count)).map((token) => ({
        headers: { 'x-activation-token': token },
        body: { password: 'Kot-na-dachu-7', passwordAgain: 'Kot-na-dachu-7', acceptTerms: true },
      })),
  },
  {
    name: 'resendActivation',
    routeId: 'resendActivation',
    caller: 'public',
    target: 'none',
    // The activation, the address's hourly counter, the old link replaced by the new in one transaction, the template's alias.
    prepare: async ({ seeder }, count) => (await seeder.activations(count)).map((token) => ({ headers: { 'x-activation-token': token } })),
  },
  {
    name: 'requestEmailChange',
    routeId: 'requestEmailChange',
    caller: 'customer',
    target: 'none',
    // The customer's record (and its account's), the new address's hourly counter, the change (PutItem), the template's alias.
    prepare: async (_context, count) => times(count, () => ({ body: { email: `moved-${randomUUID()}@example.com` } })),
  },
  {
    name: 'confirmEmailChange',
    routeId: 'confirmEmailChange',
    caller: 'public',
    target: 'none',
    // Each call a customer of its own, with an account and one open case: the change, the account's record (and
    // the record again), the record moved with its alias (one transaction), the open cases' Query, the link marked used.
    prepare: async ({ seeder, accounts }, count) => {
      const requests: ApiRequest[] = [];
      for (let i = 0; i < count; i++) {
        const customer = await seeder.customer(randomUUID(), { portal: true });
        await accounts.create({ customerId: customer.id, email: customer.email!, password: 'Kot-na-dachu-7' });
        await seeder.cases('in-progress', 1, { customerId: customer.id });
        const [token] = await seeder.emailChanges(customer, 1);
        requests.push({ headers: { 'x-confirmation-token': token! } });
      }
      return requests;
    },
  },
  {
    name: 'countQueues',
    routeId: 'countQueues',
    caller: 'agent',
    target: 'queue-counts',
    // A "to assign" queue past the cap and a full page of the agent's own: what a busy team's poll reads.
    prepare: async ({ seeder }, count) => {
      await seeder.cases('to-assign', QUEUE_COUNT_CAP + 1);
      await seeder.cases('in-progress', LISTED);
      return times(count, () => ({}));
    },
  },
  {
    name: 'getSettings',
    routeId: 'getSettings',
    caller: 'agent',
    target: 'none',
    // The settings come with the deployment: no table read.
    prepare: async (_context, count) => times(count, () => ({})),
  },
  {
    name: 'getPreferences',
    routeId: 'getPreferences',
    caller: 'agent',
    target: 'one-get',
    prepare: async (_context, count) => times(count, () => ({})),
  },
  {
    name: 'putPreferences',
    routeId: 'putPreferences',
    caller: 'agent',
    target: 'mutation',
    prepare: async (_context, count) => times(count, () => ({ body: { language: 'pl', timeZone: 'Europe/Warsaw' } })),
  },
  {
    name: 'takeNextCase',
    routeId: 'takeNextCase',
    caller: 'robot',
    target: 'mutation',
    prepare: async ({ seeder }, count) => {
      await seeder.cases('to-assign', count);
      return times(count, () => ({ body: {} }));
    },
  },
  onFreshCase('rejectCase', 'held-by-robot', { reason: 'The attachment is a scanned form I cannot read.' }, 'robot'),
  {
    name: 'createCustomer',
    routeId: 'createCustomer',
    caller: 'agent',
    target: 'mutation',
    prepare: async (_context, count) => times(count, () => ({ body: { name: 'Anna Nowak', email: `anna-${randomUUID()}@example.com` } })),
  },
  {
    name: 'findCustomer',
    routeId: 'findCustomer',
    caller: 'agent',
    target: 'none',
    prepare: async ({ customer }, count) => times(count, () => ({ query: { email: customer.email! } })),
  },
  {
    name: 'getCustomer',
    routeId: 'getCustomer',
    caller: 'agent',
    target: 'none',
    prepare: async ({ customer }, count) => times(count, () => ({ pathParameters: { customerId: customer.id } })),
  },
  {
    name: 'updateCustomer',
    routeId: 'updateCustomer',
    caller: 'agent',
    target: 'mutation',
    // No alias moves: a phone number is what agents correct most.
    prepare: async ({ customer }, count) => times(count, (i) => ({ pathParameters: { customerId: customer.id }, body: { phone: `+48 600 ${100 + (i % 900)} 200` } })),
  },
  {
    name: 'mergeCustomer',
    routeId: 'mergeCustomer',
    caller: 'agent',
    target: 'none',
    // A duplicate record with one case: GetItem × 2 and the merge transaction, the case listing, then GetItem + TransactWriteItems to move it.
    prepare: async ({ seeder, customer }, count) =>
      Promise.all(
        times(count, async () => {
          const duplicate = await seeder.customer();
          await seeder.cases('in-progress', 1, { customerId: duplicate.id });
          return { pathParameters: { customerId: duplicate.id }, body: { into: customer.id } };
        }),
      ),
  },
  {
    name: 'listCustomerCases',
    routeId: 'listCustomerCases',
    caller: 'agent',
    target: 'none',
    prepare: async ({ seeder, customer }, count) => {
      await seeder.cases('new-mine', LISTED, { customerId: customer.id });
      return times(count, () => ({ pathParameters: { customerId: customer.id } }));
    },
  },
  {
    name: 'getReplyDraft',
    routeId: 'getReplyDraft',
    caller: 'agent',
    target: 'none',
    // One BatchGetItem of the case and the caller's draft, whether or not there is one.
    prepare: async ({ seeder }, count) => {
      const [c] = await seeder.cases('in-progress', 1);
      return times(count, () => ({ pathParameters: { caseId: c!.id } }));
    },
  },
  // The first save on the assignee's New case starts work on it: the case change and the draft in one transaction.
  onFreshCase('saveReplyDraft', 'new-mine', { text: 'Dzień dobry, drukarka' }),
  {
    // What every further keystroke save costs: the case stays as it is, only the draft item is written.
    ...onFreshCase('saveReplyDraft', 'in-progress', { text: 'Dzień dobry, drukarka zacina papier' }),
    name: 'saveReplyDraft (In Progress)',
  },
  onFreshCase('deleteReplyDraft', 'in-progress'),
  {
    name: 'getMailHtml',
    routeId: 'getMailHtml',
    caller: 'agent',
    target: 'none',
    // The entry (one GetItem), then the HTML from S3. Listed before the attachment routes: the
    // function builds its S3 client on first use, so the local endpoint must be known by then.
    prepare: async ({ seeder }, count) => {
      const [c] = await seeder.mailCase({ htmlKey: await storedMailHtml() });
      return times(count, () => ({ pathParameters: { caseId: c!.id, seq: '1' } }));
    },
  },
  {
    name: 'getAttachmentLink',
    routeId: 'getAttachmentLink',
    caller: 'agent',
    target: 'none',
    // The link is signed in the function, with no request to S3: the one read is the entry.
    prepare: async ({ seeder }, count) => {
      const [c] = await seeder.mailCase();
      return times(count, () => ({ pathParameters: { caseId: c!.id, seq: '1', index: '0' } }));
    },
  },
  {
    name: 'createAttachmentUpload',
    routeId: 'createAttachmentUpload',
    caller: 'agent',
    target: 'none',
    prepare: async ({ seeder }, count) => {
      const [c] = await seeder.cases('new-mine', 1);
      return times(count, () => ({ pathParameters: { caseId: c!.id }, body: { filename: 'manual.pdf', contentType: 'application/pdf', size: 1024 } }));
    },
  },
  {
    name: 'listTemplates',
    routeId: 'listTemplates',
    caller: 'agent',
    target: 'one-query',
    prepare: async ({ seeder }, count) => {
      await seeder.templates(LISTED);
      return times(count, () => ({}));
    },
  },
  {
    name: 'renderTemplate',
    routeId: 'renderTemplate',
    caller: 'agent',
    target: 'case-and-template',
    prepare: async ({ seeder }, count) => {
      const [id] = await seeder.templates(1);
      return (await seeder.cases('in-progress', count)).map((c) => ({ pathParameters: { caseId: c.id, templateId: id! } }));
    },
  },
  {
    name: 'getTemplate',
    routeId: 'getTemplate',
    caller: 'agent',
    target: 'none',
    prepare: async ({ seeder }, count) => {
      const [id] = await seeder.templates(1);
      return times(count, () => ({ pathParameters: { templateId: id! } }));
    },
  },
  {
    name: 'putTemplate',
    routeId: 'putTemplate',
    caller: 'admin',
    target: 'mutation',
    prepare: async (_context, count) => times(count, () => ({ pathParameters: { templateId: `bench-${randomUUID()}` }, body: TEMPLATE })),
  },
  {
    name: 'deleteTemplate',
    routeId: 'deleteTemplate',
    caller: 'admin',
    target: 'mutation',
    prepare: async ({ seeder }, count) => (await seeder.templates(count)).map((id) => ({ pathParameters: { templateId: id } })),
  },
  {
    name: 'openApi',
    routeId: 'openApi',
    caller: 'public',
    target: 'none',
    prepare: async (_context, count) => times(count, () => ({})),
  },
  {
    name: 'deleteMyAccount',
    routeId: 'deleteMyAccount',
    caller: 'customer',
    target: 'none',
    // Each call a customer of its own with 3 cases: the record (twice), the cases' Query, then per case the
    // case, its timeline page, the rewritten entries (BatchWriteItem) and the case (transaction); then the record's write.
    prepare: async ({ seeder }, count) => {
      const requests: ApiRequest[] = [];
      for (let i = 0; i < count; i++) {
        const customer = await seeder.customer(randomUUID(), { portal: true });
        await seeder.cases('in-progress', 3, { customerId: customer.id });
        requests.push({ customerId: customer.id });
      }
      return requests;
    },
  },
];

/** Routes of functions/routes.ts that no operation calls: the cost table would silently leave them out. */
export function uncoveredRoutes(): RouteId[] {
  const covered = new Set(OPERATIONS.map((operation) => operation.routeId));
  return (Object.keys(routes) as RouteId[]).filter((id) => !covered.has(id));
}
