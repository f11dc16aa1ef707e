import { activateSubmission } from '../intake/activate-submission.ts';
import { confirmEmailChange } from '../intake/confirm-email-change.ts';
import { createIntakeUpload } from '../intake/create-intake-upload.ts';
import { getActivation } from '../intake/get-activation.ts';
import { requestEmailChange } from '../intake/request-email-change.ts';
import { resendActivation } from '../intake/resend-activation.ts';
import { submitIntake } from '../intake/submit-intake.ts';
import { defaultDeps } from '../shared/deps.ts';
import { groupHandler } from '../shared/http-handler.ts';
import { withIntake } from '../shared/intake-deps.ts';

export const routeHandlers = [submitIntake, createIntakeUpload, getActivation, activateSubmission, resendActivation, requestEmailChange, confirmEmailChange];
export const handler = groupHandler(routeHandlers, withIntake(defaultDeps));
