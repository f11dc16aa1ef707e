import type { Actor } from '../domain/actor.ts';
import type { Case } from '../domain/case.ts';
import { receiveCustomerMessage } from '../domain/conversation.ts';
import { InvalidTransitionError } from '../domain/errors.ts';
import { startFollowUpCase } from '../domain/follow-up.ts';
import type { CustomerMessageInput } from '../domain/requests.ts';
import type { Deps } from '../shared/deps.ts';
import { retryOnConflict } from '../shared/retry-on-conflict.ts';

/**
 * A customer's comment from the portal or a public link, recorded like a mail: it ends a wait and
 * brings a resolved case back to its agent, highlighted. On a closed case it starts a linked
 * follow-up case (or reopens, as the tenant chose). `load` reads the case afresh for each attempt.
 */
export async function recordCustomerComment(
  load: () => Promise<Case>,
  actorOf: (c: Case) => Actor,
  text: string,
  deps: Deps,
): Promise<{ case: Case; created: boolean }> {
  const message: CustomerMessageInput = { text, channel: 'portal', from: null };
  return retryOnConflict(async () => {
    const c = await load();
    const ctx = { actor: actorOf(c), now: deps.clock(), settings: deps.settings };
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
}
