import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

/** The directory as the warm function holds it (a minute at most): pickers and names, no table read. */
export const listAgents = defineHandler(routes.listAgents, async (_request, deps) => ({
  status: 200,
  body: { agents: await deps.agents.list() },
}));
