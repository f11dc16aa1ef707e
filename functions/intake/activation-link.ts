import { NotFoundError } from '../domain/errors.ts';
import { type Activation, newActivation, type Submission } from '../domain/intake.ts';
import { linkKeyOf, isTokenOf, newLinkToken } from '../shared/link-tokens.ts';
import type { IntakeDeps } from '../shared/intake-deps.ts';
import type { StoredActivation } from '../store/intake-store.ts';
import { mailLink, portalLink } from './link-mail.ts';

/** One answer for every token that opens nothing, so a guesser learns nothing from it. */
const noSuchLink = () => new NotFoundError('this activation link is not valid: use the newest link we e-mailed you');

/** The activation a link's token opens, and the key it is stored under. */
export async function activationFor(token: string, deps: IntakeDeps): Promise<{ activation: StoredActivation; key: string }> {
  const key = linkKeyOf(token);
  if (!key) throw noSuchLink();
  const activation = await deps.intake.store.get(key);
  if (!activation || !isTokenOf(token, activation.tokenHash)) throw noSuchLink();
  return { activation, key };
}

/**
 * Makes a link for the submission and mails it; with `replacing`, the old link stops working. The
 * link is stored before it is mailed: a mail that fails leaves an unused link that expires, never a
 * mailed link that opens nothing.
 */
export async function mailActivationLink(submission: Submission, deps: IntakeDeps, replacing?: string): Promise<Activation> {
  const { token, hash } = newLinkToken();
  const activation = newActivation(submission, deps.clock(), deps.settings.intake.activationLinkHours);
  if (replacing) await deps.intake.store.replace(replacing, activation, hash);
  else await deps.intake.store.create(activation, hash);
  await mailLink(deps, 'activation', submission.language, submission.email, {
    case_title: submission.subject,
    customer_name: submission.name,
    tenant_name: deps.settings.name,
    activation_url: portalLink(deps, 'activate', token),
  });
  return activation;
}
