import { newEmailChange } from '../domain/email-change.ts';
import { myCustomerId } from '../portal/my-case.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { HttpError } from '../shared/http-errors.ts';
import type { IntakeDeps } from '../shared/intake-deps.ts';
import { newLinkToken } from '../shared/link-tokens.ts';
import { mailLink, portalLink } from './link-mail.ts';
import { SUBMISSIONS_PER_ADDRESS_PER_HOUR } from './submit-intake.ts';

/**
 * A signed-in customer asks to move their account to another address: a one-time link goes there,
 * and nothing changes until it is opened. Whether another customer has that address is told only
 * to whoever opens the link, so the request reveals nothing about other people's addresses.
 */
export const requestEmailChange = defineHandler<typeof routes.requestEmailChange, IntakeDeps>(routes.requestEmailChange, async ({ actor, body }, deps) => {
  const customer = await deps.customers.get(await myCustomerId(actor, deps));
  const language = customer.account?.language ?? deps.settings.language;
  const change = newEmailChange(customer, actor.id, body.email, deps.clock(), language);
  // The form's hourly limit per address: nobody mail-bombs an address through the settings page either.
  if (!(await deps.intake.store.reserveSubmission(change.email, change.requestedAt, SUBMISSIONS_PER_ADDRESS_PER_HOUR))) {
    throw new HttpError(429, 'too_many_links', 'too many links for this address: try again in an hour');
  }
  const { token, hash } = newLinkToken();
  await deps.intake.emailChanges.create(change, hash);
  await mailLink(deps, 'email_change', language, change.email, {
    customer_name: customer.name ?? '',
    tenant_name: deps.settings.name,
    confirmation_url: portalLink(deps, 'confirm-email', token),
  });
  return {
    status: 202,
    body: { message: `Check ${change.email}: open the link we sent there to confirm it. Until then your account keeps its address.` },
  };
});
