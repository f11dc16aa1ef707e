import { INTAKE_ANSWER, newSubmission } from '../domain/intake.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { HttpError } from '../shared/http-errors.ts';
import type { IntakeDeps } from '../shared/intake-deps.ts';
import { logger } from '../shared/logger.ts';
import { mailActivationLink } from './activation-link.ts';

/** Submissions one address may make in an hour: enough for a person, too few to mail-bomb someone through our form. */
export const SUBMISSIONS_PER_ADDRESS_PER_HOUR = 5;

/**
 * A submission from the tenant's form or widget. Whoever the address belongs to, the answer is the
 * same and the mail is the same activation link: whether the address has an account shows only on
 * the page the link opens, which only the address's owner can reach.
 */
export const submitIntake = defineHandler<typeof routes.submitIntake, IntakeDeps>(routes.submitIntake, async ({ body }, deps) => {
  const accepted = { status: 202, body: { message: INTAKE_ANSWER } };
  if (body.website) {
    logger.info('a form submission filled the honeypot field and was dropped', { channel: body.channel });
    return accepted;
  }
  const submission = newSubmission(body, deps.newId(), deps.clock(), deps.settings.language, deps.settings.intake.unactivatedCaseDays);
  if (!(await deps.intake.store.reserveSubmission(submission.email, submission.submittedAt, SUBMISSIONS_PER_ADDRESS_PER_HOUR))) {
    throw new HttpError(429, 'too_many_submissions', 'too many submissions from this address: try again in an hour');
  }
  await mailActivationLink(submission, deps);
  return accepted;
});
