import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

export const getCustomer = defineHandler(routes.getCustomer, async ({ params }, deps) => {
  const customer = await deps.customers.get(params.customerId);
  return { status: 200, body: { customer }, headers: { etag: `"${customer.version}"` } };
});
