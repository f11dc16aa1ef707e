import { toTimelineView } from '../domain/views.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

/** Pages through a timeline of any length; each page is bounded like the case view's. */
export const listTimeline = defineHandler(routes.listTimeline, async ({ params, query }, deps) => {
  const c = await deps.cases.getCase(params.caseId);
  const page = await deps.cases.timelinePage(c.id, { ...query, upTo: c.entryCount });
  return { status: 200, body: { items: toTimelineView(c, page.items), nextCursor: page.nextCursor } };
});
