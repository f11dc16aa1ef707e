import type { Case } from './case.ts';
import { InvalidTransitionError } from './errors.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';
import { continuedFrom, freshCase } from './new-case.ts';
import type { CustomerMessageInput } from './requests.ts';
import type { InboundMail, NewEntry } from './timeline.ts';

/**
 * A customer writes to a closed case under the Enate policy: the old case stays closed and final,
 * and the message starts a new case in "to assign" that follows it. Both cases link to each other;
 * the new one keeps the customer, contacts, inbox and classification of the old.
 */
export function startFollowUpCase(
  closed: Case,
  ctx: CommandContext,
  input: CustomerMessageInput,
  identity: { id: string; number: number },
  details: { mail?: InboundMail; entries?: NewEntry[] } = {},
): { followUp: Outcome; original: Outcome } {
  if (closed.status !== 'closed') {
    throw new InvalidTransitionError('follow_up', closed.status, [], 'only a closed case is followed by a new one');
  }
  const { now } = ctx;
  const created = freshCase(identity, ctx, {
    ...continuedFrom(closed),
    title: closed.title,
    externalId: closed.externalId,
    description: input.text,
    status: 'new',
    channel: input.channel,
    links: [{ kind: 'follows', caseId: closed.id }],
    lastCustomerMessageAt: now,
  });
  const followUp = new Mutation(created, ctx);
  followUp.add({
    type: 'inbound_message', visibility: 'public', text: input.text, channel: input.channel, from: input.from, ...(details.mail ? { mail: details.mail } : {}),
  });
  for (const entry of details.entries ?? []) followUp.add(entry);
  followUp.add({ type: 'system', visibility: 'internal', event: 'follow_up_case', detail: `follows closed case #${closed.number}` });

  const original = new Mutation(closed, ctx);
  original.set('links', [...closed.links, { kind: 'followed_by', caseId: identity.id }]);
  original.add({ type: 'system', visibility: 'internal', event: 'follow_up_case', detail: `the customer wrote again: case #${identity.number}` });
  return { followUp: followUp.finish(), original: original.finish() };
}
