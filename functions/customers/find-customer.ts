import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

export const findCustomer = defineHandler(routes.findCustomer, async ({ query }, deps) => ({
  status: 200,
  body: { customer: await deps.customers.findBy(query) },
}));
