import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

/** Keyed by the caller's token, so an agent can only ever change their own. */
export const putPreferences = defineHandler(routes.putPreferences, async ({ actor, body }, deps) => {
  const preferences = { ...body, updatedAt: deps.clock() };
  await deps.preferences.put(actor.id, preferences);
  return { status: 200, body: { preferences } };
});
