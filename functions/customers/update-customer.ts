import { ConflictError } from '../domain/errors.ts';
import { updateCustomer as applyChanges } from '../domain/customer.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { retryOnConflict } from '../shared/retry-on-conflict.ts';

/**
 * An agent corrects a customer's contact data. With If-Match the record must still be the version
 * the agent saw; without it the change is applied to whatever is current, re-read after a lost race.
 */
export const updateCustomer = defineHandler(routes.updateCustomer, async ({ params, body, ifMatch }, deps) => {
  const attempt = async () => {
    const before = await deps.customers.get(params.customerId);
    if (ifMatch !== undefined && ifMatch !== before.version) {
      throw new ConflictError(`the customer is at version ${before.version}; you sent If-Match ${ifMatch}. Reload it`);
    }
    const after = applyChanges(before, body, deps.clock());
    await deps.customers.update(before, after);
    return after;
  };
  const saved = ifMatch === undefined ? await retryOnConflict(attempt) : await attempt();
  return { status: 200, body: { customer: saved }, headers: { etag: `"${saved.version}"` } };
});
