import { mergeCustomers } from '../domain/customer.ts';
import { moveToCustomer } from '../domain/fields.ts';
import { MERGE_CASES_PER_CALL, routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { retryOnConflict } from '../shared/retry-on-conflict.ts';

/**
 * Merges a customer record into another: both records and the source's aliases change in one
 * transaction, then the source's cases move one by one (each a normal case change, on its
 * timeline). A customer with more cases than one call moves answers `moreCases`; calling again
 * carries on, as does a call after an interrupted one.
 */
export const mergeCustomer = defineHandler(routes.mergeCustomer, async ({ params, body, actor }, deps) => {
  const target = await retryOnConflict(async () => {
    const [source, into] = await Promise.all([deps.customers.get(params.customerId), deps.customers.get(body.into)]);
    const merged = mergeCustomers(source, into, deps.clock());
    if (source.mergedInto === into.id) return into;
    await deps.customers.merge({ source, target: into }, merged);
    return merged.target;
  });
  const page = await deps.cases.listCustomerCases(params.customerId, { limit: MERGE_CASES_PER_CALL });
  let movedCases = 0;
  for (const listed of page.items) {
    const moved = await retryOnConflict(async () => {
      // The customer index is eventually consistent: a case listed here may have moved already.
      const c = await deps.cases.getCase(listed.id);
      if (c.customerId !== params.customerId) return false;
      await deps.cases.saveCase(moveToCustomer(c, { actor, now: deps.clock(), settings: deps.settings }, target.id), c.version);
      return true;
    });
    if (moved) movedCases++;
  }
  return { status: 200, body: { customer: target, movedCases, moreCases: page.nextCursor !== null } };
});
