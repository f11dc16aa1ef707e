import { ConflictError } from '../domain/errors.ts';
import { markSeen } from '../domain/highlight.ts';
import { toCaseSummary, toCaseView, toTimelineView } from '../domain/views.ts';
import { routes } from '../routes.ts';
import { bodyEtag } from '../shared/etag.ts';
import { defineHandler } from '../shared/http-handler.ts';

/** Entries a case comes with: enough for an agent to pick up the thread; older ones are paged. */
const NEWEST_ENTRIES = 50;

/**
 * A case with its newest timeline entries: the case, then its entries up to the count the case
 * had when read, so the two always agree. Opening a case never assigns it (Welyo); it lands in
 * the agent's "recently accessed" list (a refresh with If-None-Match does not write it again), and
 * the assignee opening it clears its highlight.
 */
export const getCase = defineHandler(routes.getCase, async ({ params, actor, revalidating }, deps) => {
  let c = await deps.cases.getCase(params.caseId);
  const newest = await deps.cases.timelinePage(c.id, { order: 'newest_first', limit: NEWEST_ENTRIES, upTo: c.entryCount });
  const now = deps.clock();
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
  // A client refreshing the case it shows is not opening it again: polling must not write every few seconds.
  if (!revalidating) await deps.cases.recordAccess(actor!.id, toCaseSummary(c, deps.settings), now);
  const body = {
    case: toCaseView(c, actor!, deps.settings, now),
    timeline: toTimelineView(c, newest.items.reverse()),
    timelineCursor: newest.nextCursor,
  };
  // The version, for If-Match, then a hash of the body: the answer also changes without a new
  // version (a reply's delivery, the commands this caller may run), and If-None-Match must see it.
  return { status: 200, body, headers: { etag: bodyEtag(body, c.version) } };
});
