import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Actor } from '../functions/domain/actor.ts';
import { claim, delegate } from '../functions/domain/assignment.ts';
import type { Case } from '../functions/domain/case.ts';
import { addNote } from '../functions/domain/conversation.ts';
import { createCase } from '../functions/domain/create.ts';
import { type Customer, newCustomer } from '../functions/domain/customer.ts';
import { merge } from '../functions/domain/merge.ts';
import type { CommandContext, Outcome } from '../functions/domain/mutation.ts';
import { CreateCaseInputSchema, ResolveInputSchema, WaitInputSchema } from '../functions/domain/requests.ts';
import { close, resolve } from '../functions/domain/resolution.ts';
import type { TenantSettings } from '../functions/domain/tenant-settings.ts';
import { toCaseSummary } from '../functions/domain/views.ts';
import { setWait } from '../functions/domain/waits.ts';
import { CaseStore } from '../functions/store/case-store.ts';
import { CustomerStore } from '../functions/store/customer-store.ts';
import { caseNumberItem, caseToItem, entryToItem } from '../functions/store/items.ts';
import { callerId } from './api-event.ts';
import { type MailMessage, mailActor, openCaseFromMail } from '../functions/domain/inbound-mail.ts';
import { TemplateStore } from '../functions/store/template-store.ts';
import { IntakeInputSchema, newActivation, newSubmission } from '../functions/domain/intake.ts';
import { newLinkToken } from '../functions/shared/link-tokens.ts';
import { EmailChangeStore } from '../functions/store/email-change-store.ts';
import { newEmailChange } from '../functions/domain/email-change.ts';
import { IntakeStore } from '../functions/store/intake-store.ts';

/** States an operation can need its case in; each is reached by the domain's own commands. */
export type SeedState =
  | 'draft'
  | 'new-mine'
  | 'to-assign'
  | 'in-progress'
  | 'waiting'
  | 'resolved'
  | 'closed'
  | 'held-by-robot'
  | 'delegated';

export const SECOND_AGENT = 'agent-ewa';

/** Complete enough to submit: title, description, category and both contacts. */
export const COMPLETE_CASE = {
  title: 'Printer on floor 2 jams',
  description: 'It jams on every page since Monday.',
  category: 'hardware',
  contacts: { primaryContact: { email: 'jan@example.com', name: 'Jan' }, requester: { email: 'jan@example.com' } },
};

const BATCH_WRITE_MAX = 25;
const PARALLEL_BATCHES = 4;
/** Numbers far above the counter createCase uses, so seeded and created cases never share one. */
let nextNumber = 1_000_000;

/**
 * Puts cases into the table in a given state, outside the timed calls. Each state is reached
 * by running the domain's commands in memory and the result is written with the store's own
 * item mapping, but in BatchWriteItem requests: setting up thousands of cases one API call at a
 * time would take longer than the measurements.
 */
export class Seeder {
  private readonly agent: Actor;
  private readonly robot: Actor;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly settings: TenantSettings,
  ) {
    this.agent = { kind: 'agent', id: callerId('agent') };
    this.robot = { kind: 'robot', id: callerId('robot') };
  }

  /** `notes` more notes by the agent on each case give it a longer timeline. */
  async cases(state: SeedState, count: number, options: { customerId?: string; notes?: number } = {}): Promise<Case[]> {
    const outcomes = Array.from({ length: count }, () => this.withNotes(this.build(state, options.customerId), options.notes ?? 0));
    await this.writeOutcomes(outcomes);
    return outcomes.map((outcome) => outcome.case);
  }

  /** Cases In Progress, each merged into another of its own, as an agent merging a duplicate leaves them. */
  async mergedCases(count: number): Promise<Case[]> {
    const pairs = Array.from({ length: count }, () => {
      const [source, target] = [this.build('in-progress', undefined), this.build('in-progress', undefined)];
      const merged = merge(source.case, target.case, this.ctx(this.agent), []);
      return [
        { case: merged.source.case, entries: [...source.entries, ...merged.source.entries] },
        { case: merged.target.case, entries: [...target.entries, ...merged.target.entries] },
      ];
    });
    await this.writeOutcomes(pairs.flat());
    return pairs.map(([source]) => source!.case);
  }

  private async writeOutcomes(outcomes: Outcome[]): Promise<void> {
    await this.write(outcomes.flatMap(({ case: c, entries }) => [caseToItem(c), caseNumberItem(c), ...entries.map((entry) => entryToItem(c.id, entry))]));
  }

  /** With `portal`, the record has a portal account, as a customer signed in to the portal does. */
  async customer(id: string = randomUUID(), options: { portal?: boolean } = {}): Promise<Customer> {
    const record = newCustomer({ name: 'Jan Kowalski', email: `jan-${randomUUID()}@example.com` }, id, this.now());
    const customer: Customer = options.portal ? { ...record, account: { createdAt: this.now(), language: 'pl' } } : record;
    await new CustomerStore(this.client, this.tableName).create(customer);
    return customer;
  }

  /** Templates of the tenant, with their ids. */
  async templates(count: number): Promise<string[]> {
    const store = new TemplateStore(this.client, this.tableName);
    const ids = Array.from({ length: count }, () => `bench-${randomUUID()}`);
    for (const id of ids) await store.put({ id, kind: 'reply', language: 'pl', name: 'Podziękowanie', body: 'Dziękujemy, {{customer_name}}.' }, null);
    return ids;
  }

  /** A case opened by an e-mail with one attachment (its first entry), and sanitised HTML at `htmlKey` when given. */
  async mailCase(options: { htmlKey?: string; customerId?: string } = {}): Promise<Case[]> {
    const message: MailMessage = {
      text: 'The manual is attached.',
      subject: 'Manual',
      sender: { email: 'anna@example.com' },
      customerId: options.customerId ?? null,
      inbox: 'support',
      problems: [],
      mail: {
        mailbox: 'support@helpdesk.localhost', messageId: `${randomUUID()}@example.com`, subject: 'Manual', rawKey: 'raw/bench',
        fullTextKey: null, htmlKey: options.htmlKey ?? null, automatic: null,
        attachments: [{ filename: 'manual.pdf', contentType: 'application/pdf', size: 1024, sha256: '0'.repeat(64), key: 'parsed/bench/attachments/0', inline: false, contentId: null, quarantined: false }],
      },
    };
    const { case: c, entries } = openCaseFromMail(message, this.ctx(mailActor(message)), { id: randomUUID(), number: nextNumber++ });
    await this.write([caseToItem(c), caseNumberItem(c), ...entries.map((entry) => entryToItem(c.id, entry))]);
    return [c];
  }

  /** Form submissions waiting for activation, each from an address of its own, with their links' tokens. */
  async activations(count: number): Promise<string[]> {
    const store = new IntakeStore(this.client, this.tableName);
    const tokens: string[] = [];
    for (let i = 0; i < count; i++) {
      const input = IntakeInputSchema.parse({ name: 'Anna Nowak', email: `anna-${randomUUID()}@example.com`, subject: 'Brak faktury', message: 'Proszę o fakturę.' });
      const { token, hash } = newLinkToken();
      await store.create(newActivation(newSubmission(input, randomUUID(), this.now(), 'pl', 7), this.now(), 48), hash);
      tokens.push(token);
    }
    return tokens;
  }

  /** Requests to move the customer's account to fresh addresses, with their confirmation links' tokens. */
  async emailChanges(customer: Customer, count: number): Promise<string[]> {
    const store = new EmailChangeStore(this.client, this.tableName);
    const tokens: string[] = [];
    for (let i = 0; i < count; i++) {
      const { token, hash } = newLinkToken();
      await store.create(newEmailChange(customer, customer.id, `moved-${randomUUID()}@example.com`, this.now(), 'pl'), hash);
      tokens.push(token);
    }
    return tokens;
  }

  /** Fills the agent's "recently accessed" list, as opening each case would. */
  async recentAccess(cases: Case[]): Promise<void> {
    const store = new CaseStore(this.client, this.tableName);
    for (const c of cases) await store.recordAccess(this.agent.id, toCaseSummary(c, this.settings), this.now());
  }

  private build(state: SeedState, customerId: string | undefined): Outcome {
    const unassigned = state === 'to-assign' || state === 'held-by-robot';
    const input = CreateCaseInputSchema.parse({
      ...COMPLETE_CASE,
      ...(state === 'draft' ? { draft: true } : {}),
      ...(unassigned ? { assigneeId: null } : {}),
      ...(customerId ? { customerId } : {}),
    });
    const created = createCase(input, this.ctx(this.agent), { id: randomUUID(), number: nextNumber++ });
    const then = (outcome: Outcome, step: (c: Case) => Outcome): Outcome => {
      const next = step(outcome.case);
      return { case: next.case, entries: [...outcome.entries, ...next.entries] };
    };
    switch (state) {
      case 'draft':
      case 'new-mine':
      case 'to-assign':
        return created;
      case 'in-progress':
        // The assignee's first update moves a To Do case to In Progress.
        return then(created, (c) => addNote(c, this.ctx(this.agent), { text: 'Looking into it.' }));
      case 'waiting':
        return then(created, (c) => setWait(c, this.ctx(this.agent), WaitInputSchema.parse({ kind: 'more_info', days: 3 })));
      case 'resolved':
        return then(created, (c) => resolve(c, this.ctx(this.agent), ResolveInputSchema.parse({})));
      case 'closed':
        return then(created, (c) => close(c, this.ctx(this.agent), ResolveInputSchema.parse({})));
      case 'held-by-robot':
        return then(created, (c) => claim(c, this.ctx(this.robot)));
      case 'delegated':
        return then(created, (c) => delegate(c, this.ctx(this.agent), SECOND_AGENT));
    }
  }

  private withNotes(outcome: Outcome, notes: number): Outcome {
    let { case: c } = outcome;
    const entries = [...outcome.entries];
    for (let i = 1; i <= notes; i++) {
      const next = addNote(c, this.ctx(this.agent), { text: `Progress note ${i}.` });
      c = next.case;
      entries.push(...next.entries);
    }
    return { case: c, entries };
  }

  private ctx(actor: Actor): CommandContext {
    return { actor, now: this.now(), settings: this.settings };
  }

  private now(): string {
    return new Date().toISOString();
  }

  private async write(items: Record<string, unknown>[]): Promise<void> {
    const batches: Record<string, unknown>[][] = [];
    for (let i = 0; i < items.length; i += BATCH_WRITE_MAX) batches.push(items.slice(i, i + BATCH_WRITE_MAX));
    const worker = async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) await this.writeBatch(batch);
    };
    await Promise.all(Array.from({ length: PARALLEL_BATCHES }, worker));
  }

  private async writeBatch(items: Record<string, unknown>[]): Promise<void> {
    let requests = items.map((Item) => ({ PutRequest: { Item } }));
    while (requests.length > 0) {
      const { UnprocessedItems } = await this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
      requests = (UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
    }
  }
}
