import { toCaseSummary } from '../domain/views.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

/** "#1042" to its case: a list, so that an unknown number is an empty answer rather than an error. */
export const findCases = defineHandler(routes.findCases, async ({ query }, deps) => {
  const found = await deps.cases.findByNumber(query.number);
  return { status: 200, body: { items: found ? [toCaseSummary(found, deps.settings)] : [], nextCursor: null } };
});
