import { ValidationError } from '../domain/errors.ts';
import { INTAKE_ANSWER, type IntakeAttachment, newSubmission } from '../domain/intake.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { HttpError } from '../shared/http-errors.ts';
import type { IntakeDeps } from '../shared/intake-deps.ts';
import { logger } from '../shared/logger.ts';
import { mailActivationLink } from './activation-link.ts';

/** Each file the submission names must be uploaded, with the size it declared. */
async function checkUploads(attachments: readonly IntakeAttachment[], deps: IntakeDeps): Promise<void> {
  if (attachments.length === 0) return;
  const objects = deps.intake.objects;
  const sizes = await Promise.all(attachments.map((file) => (objects ? objects.sizeOf(file.key) : null)));
  const issues = attachments.flatMap((file, index) =>
    sizes[index] === file.size ? [] : [{ path: `body.attachments.${index}.key`, message: 'no file of this size was uploaded under this key' }],
  );
  if (issues.length > 0) throw new ValidationError(issues);
}

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
  await checkUploads(body.attachments, deps);
  const submission = newSubmission(body, deps.newId(), deps.clock(), deps.settings.language, deps.settings.intake.unactivatedCaseDays);
  if (!(await deps.intake.store.reserveSubmission(submission.email, submission.submittedAt, SUBMISSIONS_PER_ADDRESS_PER_HOUR))) {
    throw new HttpError(429, 'too_many_submissions', 'too many submissions from this address: try again in an hour');
  }
  await mailActivationLink(submission, deps);
  return accepted;
});
