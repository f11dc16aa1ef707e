import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

/** Derived from the case, never stored: the same link the case's notifications carry. */
export const getPublicLink = defineHandler(routes.getPublicLink, async ({ params }, deps) => {
  const [c, links] = await Promise.all([deps.cases.getCase(params.caseId), deps.links()]);
  return { status: 200, body: { url: links.url(c, deps.settings), generation: c.linkGeneration } };
});
