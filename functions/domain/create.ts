import { isStaff } from './actor.ts';
import type { Case, Channel } from './case.ts';
import { catalogIssues } from './catalog.ts';
import { customStatusIssue } from './custom-status.ts';
import { type FieldIssue, ValidationError } from './errors.ts';
import { transition } from './lifecycle.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';
import { freshCase, type NewCaseIdentity } from './new-case.ts';
import type { CreateCaseInput } from './requests.ts';


/** Fields a case needs before it leaves Draft (Enate's submit rule), reported all at once. */
export function missingForSubmit(c: Case, prefix = 'body'): FieldIssue[] {
  const missing: [boolean, string][] = [
    [c.title.trim() === '', 'title'],
    [c.description.trim() === '', 'description'],
    [c.category === null, 'category'],
    [c.contacts.primaryContact === null, 'contacts.primaryContact'],
    [c.contacts.requester === null, 'contacts.requester'],
  ];
  return missing.filter(([isMissing]) => isMissing).map(([, field]) => ({ path: `${prefix}.${field}`, message: 'required to submit the case' }));
}

/**
 * A case created by staff through the API. Agents get their own cases; a robot's case (an
 * integration) lands in "to assign". Unless `draft` is set it is submitted at once.
 */
export function createCase(input: CreateCaseInput, ctx: CommandContext, identity: NewCaseIdentity): Outcome {
  const { actor, settings } = ctx;
  const target = input.draft ? 'draft' : 'new';
  const issues = [...catalogIssues(input, settings), ...customStatusIssue(input.customStatusId ?? null, target, settings, 'body')];
  if (issues.length > 0) throw new ValidationError(issues);
  const channel: Channel = actor.kind === 'robot' ? 'api' : 'agent';
  const defaultAssignee = isStaff(actor) && actor.kind !== 'robot' ? actor.id : null;
  const draft = freshCase(identity, ctx, {
    title: input.title ?? '',
    description: input.description ?? '',
    type: input.type ?? null,
    category: input.category ?? null,
    priority: input.priority,
    slaLevel: input.slaLevel ?? null,
    customStatusId: input.customStatusId ?? null,
    assigneeId: input.assigneeId === undefined ? defaultAssignee : input.assigneeId,
    inbox: input.inbox ?? null,
    channel,
    customerId: input.customerId ?? null,
    contacts: {
      primaryContact: input.contacts.primaryContact ?? null,
      requester: input.contacts.requester ?? null,
      ...(input.contacts.cc ? { cc: input.contacts.cc } : {}),
    },
    externalId: input.externalId ?? null,
    version: 1,
  });
  if (draft.assigneeId !== null && draft.assigneeId !== actor.id) draft.delegatedBy = actor.id;
  if (input.draft) return { case: draft, entries: [] };
  // Submitting bumps the version, so the new case starts at 1 like a draft does.
  return submit({ ...draft, version: 0 }, ctx);
}

/** Submits a draft: every missing field is reported together, and the description becomes the first timeline entry. */
export function submit(c: Case, ctx: CommandContext): Outcome {
  const status = transition(c, 'submit', ctx.actor);
  const missing = missingForSubmit(c);
  if (missing.length > 0) throw new ValidationError(missing);
  const m = new Mutation(c, ctx);
  m.add({ type: 'description', visibility: 'public', text: c.description });
  m.set('status', status);
  return m.finish();
}
