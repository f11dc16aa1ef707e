import { emailChangeState, readdressContacts, withEmail } from '../domain/email-change.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { portalActor } from '../portal/my-case.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { HttpError } from '../shared/http-errors.ts';
import type { IntakeDeps } from '../shared/intake-deps.ts';
import { isTokenOf, linkKeyOf } from '../shared/link-tokens.ts';
import { retryOnConflict } from '../shared/retry-on-conflict.ts';
import type { StoredEmailChange } from '../store/email-change-store.ts';
import { mailLink } from './link-mail.ts';

const noSuchLink = () => new NotFoundError('this confirmation link is not valid: use the newest link we e-mailed you');

/**
 * The new address's owner opens the link: the record takes the address (its alias moves in the
 * same transaction, so an address another record has is refused), then the account signs in with
 * it, then the open cases addressed to the old one are readdressed and the old address is told (so
 * whoever lost the account learns it), then the link is marked used.
 * Each step is a no-op when done already, so a retry after a failure finishes the job.
 */
export const confirmEmailChange = defineHandler<typeof routes.confirmEmailChange, IntakeDeps>(routes.confirmEmailChange, async ({ headers }, deps) => {
  const { change, key } = await changeFor(headers['x-confirmation-token'], deps);
  const state = emailChangeState(change, deps.clock());
  if (state === 'confirmed') throw new HttpError(410, 'email_change_used', `this link was used already: your account's address is ${change.email}`);
  if (state === 'expired') throw new HttpError(410, 'email_change_expired', 'this link has expired: ask for a new one in your settings');
  // The account's own record says whether it still exists (the one it was merged into may have no account).
  if ((await deps.customers.get(change.accountId)).account === null) throw new HttpError(410, 'email_change_gone', 'this account was deleted');
  let name: string | null = null;
  try {
    await retryOnConflict(async () => {
      const current = await deps.customers.get(change.customerId);
      name = current.name;
      if (current.email !== change.email) await deps.customers.update(current, withEmail(current, change.email, deps.clock()));
    });
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'customer_exists') {
      throw new ConflictError('another customer record has this address: ask the helpdesk to merge the two', 'email_taken');
    }
    throw error;
  }
  await deps.intake.accounts.changeEmail(change.accountId, change.email);
  if (change.previousEmail) {
    await readdressOpenCases(change, change.previousEmail, name, deps);
    // Before the link is marked used, so a failed notice is sent again when the customer retries.
    await mailLink(deps, 'email_changed', change.language, change.previousEmail, { customer_name: name ?? '', tenant_name: deps.settings.name });
  }
  try {
    await deps.intake.emailChanges.markConfirmed(key, deps.clock());
  } catch (error) {
    // A second click at the same moment did the same steps: the address is changed either way.
    if (!(error instanceof ConflictError && error.code === 'email_change_used')) throw error;
  }
  return { status: 200, body: { email: change.email } };
});

async function changeFor(token: string, deps: IntakeDeps): Promise<{ change: StoredEmailChange; key: string }> {
  const key = linkKeyOf(token);
  if (!key) throw noSuchLink();
  const change = await deps.intake.emailChanges.get(key);
  if (!change || !isTokenOf(token, change.tokenHash)) throw noSuchLink();
  return { change, key };
}

/** Replies on the customer's open cases go to the address they can read now. */
async function readdressOpenCases(change: StoredEmailChange, from: string, name: string | null, deps: IntakeDeps): Promise<void> {
  const ctx = { actor: portalActor(change.customerId, name), settings: deps.settings };
  let cursor: string | undefined;
  do {
    const page = await deps.cases.listCustomerCasesIn(change.customerId, 'open', { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const listed of page.items) {
      // The listing's copy tells which cases have the old address at all; only those are read and written.
      if (!readdressContacts(listed, { ...ctx, now: deps.clock() }, from, change.email)) continue;
      await retryOnConflict(async () => {
        const c = await deps.cases.getCase(listed.id);
        const outcome = readdressContacts(c, { ...ctx, now: deps.clock() }, from, change.email);
        if (outcome) await deps.cases.saveCase(outcome, c.version);
      });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
