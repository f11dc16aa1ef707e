import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

/** The caller's draft only: drafts are keyed by case and agent, so another agent's is never read. */
export const getReplyDraft = defineHandler(routes.getReplyDraft, async ({ params, actor }, deps) => {
  const { draft } = await deps.cases.loadWithReplyDraft(params.caseId, actor.id);
  return { status: 200, body: { draft } };
});
