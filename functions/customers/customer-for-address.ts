import { type CreateCustomerInput, newCustomer } from '../domain/customer.ts';
import { ConflictError } from '../domain/errors.ts';
import type { CustomerStore } from '../store/customer-store.ts';

/**
 * The customer with this address, created from `details` when there is none: two requests racing
 * for a new address both end on the record that won. An external ID another record holds is left
 * off, since nothing proves it belongs to this address.
 */
export async function customerForAddress(
  details: CreateCustomerInput & { email: string },
  customers: CustomerStore,
  newId: () => string,
  clock: () => string,
): Promise<string> {
  const known = await customers.match({ email: details.email });
  if (known) return known;
  const id = newId();
  try {
    await customers.create(newCustomer(details, id, clock()));
    return id;
  } catch (error) {
    if (!(error instanceof ConflictError && error.code === 'customer_exists')) throw error;
    const winner = await customers.match({ email: details.email });
    if (winner) return winner;
    if (details.externalId === undefined) throw error;
    const { externalId: _taken, ...withoutExternalId } = details;
    return customerForAddress(withoutExternalId, customers, newId, clock);
  }
}
