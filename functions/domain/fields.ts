import type { Case } from './case.ts';
import { applyAgentUpdate } from './assignment.ts';
import { catalogIssues } from './catalog.ts';
import { customStatusIssue } from './custom-status.ts';
import { ValidationError } from './errors.ts';
import { transition } from './lifecycle.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';
import type { UpdateCaseInput } from './requests.ts';

/**
 * Changes case fields; each change lands on the timeline as who, from, to. The description is a
 * field only while the case is a draft: submitting makes it the first timeline entry (Enate), and
 * from then on it is read-only; what is learnt later goes into notes.
 */
export function updateFields(c: Case, ctx: CommandContext, input: UpdateCaseInput): Outcome {
  const m = new Mutation(c, ctx);
  m.set('status', transition(c, 'update_fields', ctx.actor));
  applyAgentUpdate(m);
  const issues = [
    ...(input.description !== undefined && c.status !== 'draft'
      ? [{ path: 'body.description', message: 'read-only once the case is submitted (it is the first timeline entry); add a note instead' }]
      : []),
    ...catalogIssues(input, ctx.settings),
    ...customStatusIssue(input.customStatusId ?? null, m.current.status, ctx.settings, 'body'),
  ];
  if (issues.length > 0) throw new ValidationError(issues);
  const { contacts, ...plain } = input;
  for (const [field, value] of Object.entries(plain) as [keyof typeof plain, unknown][]) {
    if (value !== undefined) m.set(field, value as never);
  }
  if (contacts) {
    m.set('contacts', {
      primaryContact: contacts.primaryContact === undefined ? c.contacts.primaryContact : contacts.primaryContact,
      requester: contacts.requester === undefined ? c.contacts.requester : contacts.requester,
      ...((contacts.cc ?? c.contacts.cc) ? { cc: contacts.cc ?? c.contacts.cc } : {}),
    });
  }
  return m.finish();
}

/** Links the case to a customer record (the store checks the customer exists). */
export function linkCustomer(c: Case, ctx: CommandContext, customerId: string): Outcome {
  const m = new Mutation(c, ctx);
  m.set('status', transition(c, 'link_customer', ctx.actor));
  applyAgentUpdate(m);
  m.set('customerId', customerId);
  return m.finish();
}

/**
 * Moves a case to the record its customer was merged into. Not an agent working the case, so
 * unlike {@link linkCustomer} it assigns nobody and changes no status; the timeline records the move.
 */
export function moveToCustomer(c: Case, ctx: CommandContext, customerId: string): Outcome {
  const m = new Mutation(c, ctx);
  transition(c, 'link_customer', ctx.actor);
  m.set('customerId', customerId);
  return m.finish();
}
