import { NotFoundError } from '../domain/errors.ts';
import { linkCustomer as linkCustomerRule } from '../domain/fields.ts';
import { routes } from '../routes.ts';
import { keys } from '../store/keys.ts';
import { caseCommand } from './case-command.ts';

/** The customer's existence is a condition of the same transaction, not a separate read. */
export const linkCustomer = caseCommand(
  routes.linkCustomer,
  (c, ctx, { body }) => linkCustomerRule(c, ctx, body.customerId),
  { requires: ({ body }) => ({ key: keys.customer(body.customerId), missing: () => new NotFoundError(`customer ${body.customerId} not found`) }) },
);
