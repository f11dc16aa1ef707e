import { activationState } from '../domain/intake.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import type { IntakeDeps } from '../shared/intake-deps.ts';
import { activationFor } from './activation-link.ts';
import { accountHolder } from './account-holder.ts';

/** What the activation page shows: a registration form, one button, or why the link cannot be used. */
export const getActivation = defineHandler<typeof routes.getActivation, IntakeDeps>(routes.getActivation, async ({ headers }, deps) => {
  const { activation } = await activationFor(headers['x-activation-token'], deps);
  const holder = await accountHolder(activation.submission.email, deps);
  const state = activationState(activation, deps.clock(), holder?.account != null);
  return { status: 200, body: state.state === 'register' ? { ...state, termsUrl: deps.settings.intake.termsUrl ?? null } : state };
});
