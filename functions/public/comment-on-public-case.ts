import type { Actor } from '../domain/actor.ts';
import type { Case } from '../domain/case.ts';
import { receiveCustomerMessage } from '../domain/conversation.ts';
import { InvalidTransitionError } from '../domain/errors.ts';
import { startFollowUpCase } from '../domain/follow-up.ts';
import type { CustomerMessageInput } from '../domain/requests.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { retryOnConflict } from '../shared/retry-on-conflict.ts';
import { linkedCase, publicView } from './linked-case.ts';

/** Whoever holds the link writes as the case's customer: the link is their credential. */
const customerOf = (c: Case): Actor => ({
  kind: 'customer',
  id: c.customerId ?? 'public-link',
  ...(c.contacts.primaryContact?.name ? { name: c.contacts.primaryContact.name } : {}),
});

/**
 * A comment through the public link is a customer message like a mail: it ends a wait and brings
 * a resolved case back to its agent, highlighted. On a closed case it starts a linked follow-up
 * case (or reopens, as the tenant chose), and the answer carries the new case's token.
 */
export const commentOnPublicCase = defineHandler(routes.commentOnPublicCase, async ({ headers, body }, deps) => {
  const message: CustomerMessageInput = { text: body.text, channel: 'portal', from: null };
  const token = headers['x-case-link'];
  const recorded = await retryOnConflict(async () => {
    const c = await linkedCase(token, deps);
    const ctx = { actor: customerOf(c), now: deps.clock(), settings: deps.settings };
    try {
      const outcome = receiveCustomerMessage(c, ctx, message);
      await deps.cases.saveCase(outcome, c.version);
      return { case: outcome.case, created: false };
    } catch (error) {
      if (!(error instanceof InvalidTransitionError) || error.status !== 'closed') throw error;
    }
    const { followUp } = await deps.cases.createFollowUp(
      (number) => startFollowUpCase(c, ctx, message, { id: deps.newId(), number }),
      c.version,
    );
    return { case: followUp.case, created: true };
  });
  const links = await deps.links();
  return {
    status: recorded.created ? 201 : 200,
    body: { case: await publicView(recorded.case, deps), token: recorded.created ? links.token(recorded.case) : token },
  };
});
