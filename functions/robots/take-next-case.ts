import { claim } from '../domain/assignment.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { routes } from '../routes.ts';
import { caseResponse } from '../shared/case-response.ts';
import { defineHandler } from '../shared/http-handler.ts';

/**
 * Items one Query evaluates. A filter is applied after the Query's limit, so with a filter a page
 * is larger: a matching case may sit behind many that do not match.
 */
const PAGE = { unfiltered: 10, filtered: 100 };

/**
 * Claims the oldest case in "to assign" that matches the filters, however deep the queue: the
 * queue is read page by page until one is claimed or the queue ends. The index is eventually
 * consistent, so each candidate is claimed conditionally on the version listed: of two robots
 * racing for one case, one wins and the other moves on to the next.
 */
export const takeNextCase = defineHandler(routes.takeNextCase, async ({ body, actor }, deps) => {
  const filtered = Object.keys(body).length > 0;
  let cursor: string | null = null;
  do {
    const page = await deps.cases.listQueue('to-assign', actor!.id, body, {
      limit: filtered ? PAGE.filtered : PAGE.unfiltered,
      ...(cursor ? { cursor } : {}),
    });
    for (const candidate of page.items) {
      const outcome = claim(candidate, { actor: actor!, now: deps.clock(), settings: deps.settings });
      try {
        await deps.cases.saveCase(outcome, candidate.version);
        return caseResponse(outcome.case, actor!, deps.settings, outcome.case.updatedAt);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    cursor = page.nextCursor;
  } while (cursor);
  throw new NotFoundError('no case is waiting in "to assign"' + (filtered ? ' with those filters' : ''));
});
