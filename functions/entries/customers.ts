import { createCustomer } from '../customers/create-customer.ts';
import { findCustomer } from '../customers/find-customer.ts';
import { getCustomer } from '../customers/get-customer.ts';
import { listCustomerCases } from '../customers/list-customer-cases.ts';
import { mergeCustomer } from '../customers/merge-customers.ts';
import { updateCustomer } from '../customers/update-customer.ts';
import { defaultDeps } from '../shared/deps.ts';
import { groupHandler } from '../shared/http-handler.ts';

export const routeHandlers = [createCustomer, findCustomer, getCustomer, updateCustomer, mergeCustomer, listCustomerCases];
export const handler = groupHandler(routeHandlers, defaultDeps);
