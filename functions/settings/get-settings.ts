import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

/** The tenant's settings come with the deployment, so this reads nothing. */
export const getSettings = defineHandler(routes.getSettings, async (_request, deps) => {
  const { name, language, timeZone, customStatuses, categories, types, slaLevels, requireResolution } = deps.settings;
  return { status: 200, body: { settings: { name, language, timeZone, customStatuses, categories, types, slaLevels, requireResolution } } };
});
