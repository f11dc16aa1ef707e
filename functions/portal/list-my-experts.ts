import { expertsOf } from '../domain/experts.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { myCustomerId } from './my-case.ts';

/** The cases this many deep name the experts: a customer's recent history, one Query. */
export const EXPERT_HISTORY_CASES = 100;

export const listMyExperts = defineHandler(routes.listMyExperts, async ({ actor }, deps) => {
  const customerId = await myCustomerId(actor, deps);
  const [cases, directory] = await Promise.all([deps.cases.listCustomerCases(customerId, { limit: EXPERT_HISTORY_CASES }), deps.agents.list()]);
  return { status: 200, body: { items: expertsOf(cases.items, directory) } };
});
