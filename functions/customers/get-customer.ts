import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

export const getCustomer = defineHandler(routes.getCustomer, async ({ params }, deps) => ({
  status: 200,
  body: { customer: await deps.customers.get(params.customerId) },
}));
