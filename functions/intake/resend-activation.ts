import { activationState, INTAKE_ANSWER } from '../domain/intake.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { HttpError } from '../shared/http-errors.ts';
import type { IntakeDeps } from '../shared/intake-deps.ts';
import { refuseSpent } from './activate-submission.ts';
import { activationFor, mailActivationLink } from './activation-link.ts';
import { SUBMISSIONS_PER_ADDRESS_PER_HOUR } from './submit-intake.ts';

/** A fresh link for one that expired, to the same address; the old one stops working. */
export const resendActivation = defineHandler<typeof routes.resendActivation, IntakeDeps>(routes.resendActivation, async ({ headers }, deps) => {
  const { activation, key } = await activationFor(headers['x-activation-token'], deps);
  refuseSpent(activationState(activation, deps.clock(), false));
  if (!(await deps.intake.store.reserveSubmission(activation.submission.email, deps.clock(), SUBMISSIONS_PER_ADDRESS_PER_HOUR))) {
    throw new HttpError(429, 'too_many_submissions', 'too many links for this address: try again in an hour');
  }
  await mailActivationLink(activation.submission, deps, key);
  return { status: 202, body: { message: INTAKE_ANSWER } };
});
