import { toCaseSummary } from '../domain/views.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

/** The customer record's case list (Welyo's columns); 404 when the customer does not exist. */
export const listCustomerCases = defineHandler(routes.listCustomerCases, async ({ params, query }, deps) => {
  const [, page] = await Promise.all([
    deps.customers.get(params.customerId),
    deps.cases.listCustomerCases(params.customerId, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) }),
  ]);
  return { status: 200, body: { items: page.items.map((c) => toCaseSummary(c, deps.settings)), nextCursor: page.nextCursor } };
});
