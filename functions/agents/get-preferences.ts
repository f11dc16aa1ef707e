import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

export const getPreferences = defineHandler(routes.getPreferences, async ({ actor }, deps) => ({
  status: 200,
  body: { preferences: await deps.preferences.get(actor.id) },
}));
