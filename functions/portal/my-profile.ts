import { applyProfile, profileOf } from '../domain/profile.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { retryOnConflict } from '../shared/retry-on-conflict.ts';
import { myCustomerId } from './my-case.ts';

export const getMyProfile = defineHandler(routes.getMyProfile, async ({ actor }, deps) => {
  const customer = await deps.customers.get(await myCustomerId(actor, deps));
  return { status: 200, body: { profile: profileOf(customer, deps.settings.language) } };
});

/** The customer's own contact data, invoice data and language; an agent's edit at the same moment is re-read, not overwritten. */
export const updateMyProfile = defineHandler(routes.updateMyProfile, async ({ actor, body }, deps) => {
  const customerId = await myCustomerId(actor, deps);
  const saved = await retryOnConflict(async () => {
    const customer = await deps.customers.get(customerId);
    const next = applyProfile(customer, body, deps.clock());
    await deps.customers.update(customer, next);
    return next;
  });
  return { status: 200, body: { profile: profileOf(saved, deps.settings.language) } };
});

