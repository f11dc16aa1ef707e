import { toCaseSummary, toCaseView, toTimelineView } from '../domain/views.ts';
import { routes } from '../routes.ts';
import { etagOf } from '../shared/case-response.ts';
import { defineHandler } from '../shared/http-handler.ts';

/**
 * A case with its timeline in one Query. Opening a case never assigns it (Welyo); it only lands
 * in the agent's "recently accessed" list.
 */
export const getCase = defineHandler(routes.getCase, async ({ params, actor }, deps) => {
  const { case: c, entries } = await deps.cases.getCaseWithTimeline(params.caseId);
  await deps.cases.recordAccess(actor!.id, toCaseSummary(c, deps.settings), deps.clock());
  return {
    status: 200,
    body: { case: toCaseView(c, deps.settings), timeline: toTimelineView(c, entries) },
    headers: { etag: etagOf(c) },
  };
});
