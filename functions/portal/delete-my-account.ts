import type { Customer } from '../domain/customer.ts';
import { mailObjects } from '../cases/mail-bucket.ts';
import { erasedCase, erasedCustomer, erasedEntry, objectsOfEntry, personalStrings, redactor } from '../domain/erasure.ts';
import type { TimelineEntry } from '../domain/timeline.ts';
import { routes } from '../routes.ts';
import type { AccountDeps } from '../shared/customer-account-deps.ts';
import type { Deps } from '../shared/deps.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { retryOnConflict } from '../shared/retry-on-conflict.ts';
import { myCustomerId } from './my-case.ts';

/**
 * The customer deletes their account: their data goes from every case they have (contacts, names,
 * addresses and phone wherever a text holds them, the mails and files they sent), then the account,
 * then the record's contact data and the short-lived items keyed by their address.
 * Cases come first: an interrupted deletion leaves the account to sign in with and try again, and
 * the record still says what to look for.
 */
export const deleteMyAccount = defineHandler<typeof routes.deleteMyAccount, AccountDeps>(routes.deleteMyAccount, async ({ actor }, deps) => {
  const customerId = await myCustomerId(actor, deps);
  const customer = await deps.customers.get(customerId);
  const redact = redactor(personalStrings(customer), customer.phone);
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
  if (customer.email) await deps.customers.forgetAddress(customer.email, deps.clock());
  return { status: 204, body: null };
});

async function deleteObjects(keys: readonly string[]): Promise<void> {
  const bucket = mailObjects();
  if (!bucket || keys.length === 0) return;
  for (let start = 0; start < keys.length; start += PARALLEL_DELETES) {
    await Promise.all(keys.slice(start, start + PARALLEL_DELETES).map((key) => bucket.delete(key)));
  }
}

/** S3 takes thousands of requests a second per prefix; ten at a time keeps a big history inside the API's 30 s. */
const PARALLEL_DELETES = 10;

async function eraseFromCase(caseId: string, customer: Customer, redact: <T>(value: T) => T, deps: Deps): Promise<void> {
  await retryOnConflict(async () => {
    const c = await deps.cases.getCase(caseId);
    const changed: TimelineEntry[] = [];
    const objects: string[] = [];
    for await (const entry of deps.cases.timelineEntries(caseId, c.entryCount)) {
      const erased = erasedEntry(entry, customer, redact);
      if (erased) changed.push(erased);
      objects.push(...objectsOfEntry(entry, customer));
    }
    // Before the entries lose their keys: an interrupted deletion is repeated with the keys still there.
    await deleteObjects(objects);
    await deps.cases.saveErasure(erasedCase(c, customer, redact, deps.clock()), c.version, changed);
  });
}
