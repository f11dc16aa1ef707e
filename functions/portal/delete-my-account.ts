import type { Customer } from '../domain/customer.ts';
import { erasedCase, erasedCustomer, erasedEntry, personalStrings, redactor } from '../domain/erasure.ts';
import type { TimelineEntry } from '../domain/timeline.ts';
import { routes } from '../routes.ts';
import type { AccountDeps } from '../shared/customer-account-deps.ts';
import type { Deps } from '../shared/deps.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { retryOnConflict } from '../shared/retry-on-conflict.ts';
import { myCustomerId } from './my-case.ts';

/**
 * The customer deletes their account: their data goes from every case they have (contacts, names,
 * addresses and phone wherever a text holds them), then the account, then the record's contact data.
 * Cases come first: an interrupted deletion leaves the account to sign in with and try again, and
 * the record still says what to look for.
 */
export const deleteMyAccount = defineHandler<typeof routes.deleteMyAccount, AccountDeps>(routes.deleteMyAccount, async ({ actor }, deps) => {
  const customerId = await myCustomerId(actor, deps);
  const customer = await deps.customers.get(customerId);
  const redact = redactor(personalStrings(customer));
  let cursor: string | undefined;
  do {
    const page = await deps.cases.listCustomerCases(customerId, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const c of page.items) await eraseFromCase(c.id, customer, redact, deps);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  await deps.accounts.delete(actor.id);
  await retryOnConflict(async () => {
    const current = await deps.customers.get(customerId);
    await deps.customers.update(current, erasedCustomer(current, deps.clock()));
  });
  return { status: 204, body: null };
});

async function eraseFromCase(caseId: string, customer: Customer, redact: <T>(value: T) => T, deps: Deps): Promise<void> {
  await retryOnConflict(async () => {
    const c = await deps.cases.getCase(caseId);
    const changed: TimelineEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await deps.cases.timelinePage(caseId, { order: 'oldest_first', limit: 100, upTo: c.entryCount, ...(cursor ? { cursor } : {}) });
      for (const entry of page.items) {
        const erased = erasedEntry(entry, customer, redact);
        if (erased) changed.push(erased);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    await deps.cases.saveErasure(erasedCase(c, customer, redact, deps.clock()), c.version, changed);
  });
}
