import type { Actor } from '../domain/actor.ts';
import type { Case } from '../domain/case.ts';
import { receiveCustomerMessage } from '../domain/conversation.ts';
import { InvalidTransitionError } from '../domain/errors.ts';
import { startFollowUpCase } from '../domain/follow-up.ts';
import type { CustomerMessageInput } from '../domain/requests.ts';
import { routes } from '../routes.ts';
import { caseResponse } from '../shared/case-response.ts';
import { mergeTarget } from '../relations/merge-target.ts';
import { defineHandler, type HttpResult } from '../shared/http-handler.ts';
import { caseCommand } from './case-command.ts';

/** The message is the customer's, whoever relays it: the timeline attributes it to them. */
const customerOf = (c: Case, input: CustomerMessageInput): Actor => ({
  kind: 'customer',
  id: c.customerId ?? input.from ?? 'customer',
  ...(input.from ? { name: input.from } : {}),
});

const onOpenCase = caseCommand(routes.recordCustomerMessage, (c, ctx, { body }) =>
  receiveCustomerMessage(c, { ...ctx, actor: customerOf(c, body) }, body),
);

/**
 * A customer message relayed by staff or an integration. On a case merged into another it is
 * recorded there, as the customer's mail would be. On a closed case under the "new linked case"
 * policy the domain refuses to reopen, and the message starts a follow-up case instead.
 */
export const recordCustomerMessage = defineHandler(routes.recordCustomerMessage, async (request, deps): Promise<HttpResult> => {
  let closed: Case;
  try {
    return await onOpenCase.run(request, deps);
  } catch (error) {
    if (!(error instanceof InvalidTransitionError) || (error.status !== 'closed' && error.status !== 'resolved')) throw error;
    closed = await deps.cases.getCase(request.params.caseId);
    const target = await mergeTarget(closed, (id) => deps.cases.getCase(id));
    if (target.id !== closed.id) return recordCustomerMessage.run({ ...request, params: { ...request.params, caseId: target.id } }, deps);
    if (error.status !== 'closed') throw error;
  }
  const ctx = { actor: customerOf(closed, request.body), now: deps.clock(), settings: deps.settings };
  const id = deps.newId();
  const { followUp } = await deps.cases.createFollowUp(
    (number) => startFollowUpCase(closed, ctx, request.body, { id, number }),
    closed.version,
  );
  return caseResponse(followUp.case, request.actor!, deps.settings, ctx.now, 201);
});
