import { ConflictError } from '../domain/errors.ts';
import { markSeen } from '../domain/highlight.ts';
import { toCaseSummary, toCaseView, toTimelineView } from '../domain/views.ts';
import { routes } from '../routes.ts';
import { etagOf } from '../shared/case-response.ts';
import { defineHandler } from '../shared/http-handler.ts';

/**
 * A case with its timeline in one Query. Opening a case never assigns it (Welyo); it lands in the
 * agent's "recently accessed" list, and the assignee opening it clears its highlight.
 */
export const getCase = defineHandler(routes.getCase, async ({ params, actor }, deps) => {
  const loaded = await deps.cases.getCaseWithTimeline(params.caseId);
  const now = deps.clock();
  let c = loaded.case;
  const seen = markSeen(c, actor!, now);
  if (seen) {
    try {
      await deps.cases.saveCase(seen, c.version);
      c = seen.case;
    } catch (error) {
      // A change landed meanwhile; the highlight simply stays until the next open.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  await deps.cases.recordAccess(actor!.id, toCaseSummary(c, deps.settings), now);
  return {
    status: 200,
    body: { case: toCaseView(c, deps.settings), timeline: toTimelineView(c, loaded.entries) },
    headers: { etag: etagOf(c) },
  };
});
