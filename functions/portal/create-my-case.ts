import { ValidationError } from '../domain/errors.ts';
import { expertsOf, openCaseForExpert } from '../domain/experts.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { EXPERT_HISTORY_CASES } from './list-my-experts.ts';
import { myCustomerId, portalActor, portalView } from './my-case.ts';

/** "Add case": to an expert the customer has dealt with, who gets it at once; nobody else can be chosen. */
export const createMyCase = defineHandler(routes.createMyCase, async ({ actor, body }, deps) => {
  const customerId = await myCustomerId(actor, deps);
  const [customer, history, directory] = await Promise.all([
    deps.customers.get(customerId),
    deps.cases.listCustomerCases(customerId, { limit: EXPERT_HISTORY_CASES }),
    deps.agents.list(),
  ]);
  if (!expertsOf(history.items, directory).some((expert) => expert.id === body.expertId)) {
    throw new ValidationError([{ path: 'body.expertId', message: 'not an expert you have dealt with (GET /my/experts)' }]);
  }
  const inbox = history.items.find((c) => c.assigneeId === body.expertId)?.inbox ?? null;
  const id = deps.newId();
  const ctx = { actor: portalActor(customerId, customer.name), now: deps.clock(), settings: deps.settings };
  const created = await deps.cases.createCase((number) => openCaseForExpert(body, ctx, { id, number }, { customer, inbox }));
  return { status: 201, body: await portalView(created.case, deps) };
});
