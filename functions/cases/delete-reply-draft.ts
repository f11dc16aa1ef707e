import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

/** Discarding is not a case change: the case is read only to answer 404 for an unknown one. */
export const deleteReplyDraft = defineHandler(routes.deleteReplyDraft, async ({ params, actor }, deps) => {
  await deps.cases.getCase(params.caseId);
  await deps.cases.deleteReplyDraft(params.caseId, actor.id);
  return { status: 204, body: undefined };
});
