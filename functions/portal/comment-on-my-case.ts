import { recordCustomerComment } from '../public/customer-comment.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { myCase, myCustomerId, portalActor, portalView } from './my-case.ts';

/** The customer writes on their case from the portal: a customer message like a mail; on a closed case, a follow-up (201). */
export const commentOnMyCase = defineHandler(routes.commentOnMyCase, async ({ actor, params, body }, deps) => {
  const customerId = await myCustomerId(actor, deps);
  const recorded = await recordCustomerComment(() => myCase(params.caseId, customerId, deps), (c) => portalActor(customerId, c.contacts.primaryContact?.name), body.text, deps);
  return { status: recorded.created ? 201 : 200, body: await portalView(recorded.case, deps, recorded.created ? recorded.case.id : params.caseId) };
});
