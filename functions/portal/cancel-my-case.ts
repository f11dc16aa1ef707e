import { cancelByCustomer } from '../domain/resolution.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { retryOnConflict } from '../shared/retry-on-conflict.ts';
import { myCase, myCustomerId, portalActor, portalView } from './my-case.ts';

/** "5 ways": the customer cancels their case; it closes at once, whatever the helpdesk was doing with it. */
export const cancelMyCase = defineHandler(routes.cancelMyCase, async ({ actor, params }, deps) => {
  const customerId = await myCustomerId(actor, deps);
  const cancelled = await retryOnConflict(async () => {
    const c = await myCase(params.caseId, customerId, deps);
    const outcome = cancelByCustomer(c, { actor: portalActor(customerId, c.contacts.primaryContact?.name), now: deps.clock(), settings: deps.settings });
    await deps.cases.saveCase(outcome, c.version);
    return outcome.case;
  });
  return { status: 200, body: await portalView(cancelled, deps, params.caseId) };
});
