import type { Customer } from '../domain/customer.ts';
import type { Deps } from '../shared/deps.ts';

/** The customer record with this address (a merge moves the address to the record merged into), or null. */
export async function accountHolder(email: string, deps: Deps): Promise<Customer | null> {
  const id = await deps.customers.match({ email });
  return id ? deps.customers.get(id) : null;
}
