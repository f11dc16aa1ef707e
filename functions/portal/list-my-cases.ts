import { type PortalCaseSummary, portalCaseSummary } from '../domain/portal.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { myCustomerId } from './my-case.ts';

/** "My cases" and the archive of the "5 ways" client panel, with whether the archive has anything (the tab shows only then). */
export const listMyCases = defineHandler(routes.listMyCases, async ({ actor, query }, deps) => {
  const customerId = await myCustomerId(actor, deps);
  const [page, hasArchive] = await Promise.all([
    deps.cases.listCustomerCasesIn(customerId, query.view === 'archive' ? 'closed' : 'open', { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) }),
    deps.cases.hasClosedCases(customerId),
  ]);
  const items = page.items.map(portalCaseSummary).filter((summary): summary is PortalCaseSummary => summary !== null);
  return { status: 200, body: { items, nextCursor: page.nextCursor, hasArchive } };
});
