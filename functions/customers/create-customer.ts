import { newCustomer } from '../domain/customer.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { idempotencyRecord } from '../shared/idempotent.ts';

export const createCustomer = defineHandler(routes.createCustomer, async (request, deps) => {
  const customer = newCustomer(request.body, deps.newId(), deps.clock());
  const response = { status: 201, body: { customer } };
  await deps.customers.create(customer, idempotencyRecord(request, response));
  return response;
});
