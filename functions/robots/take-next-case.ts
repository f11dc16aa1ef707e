import { claim } from '../domain/assignment.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { routes } from '../routes.ts';
import { caseResponse } from '../shared/case-response.ts';
import { defineHandler } from '../shared/http-handler.ts';

/** Candidates looked at per request: enough to get past cases other robots take at the same moment. */
const CANDIDATES = 10;

/**
 * Claims the oldest case in "to assign". The queue index is eventually consistent, so each
 * candidate is claimed conditionally on the version listed: of two robots racing for one case,
 * one wins and the other moves on to the next.
 */
export const takeNextCase = defineHandler(routes.takeNextCase, async ({ body, actor }, deps) => {
  const { items } = await deps.cases.listQueue('to-assign', actor!.id, body, { limit: CANDIDATES });
  for (const candidate of items) {
    const outcome = claim(candidate, { actor: actor!, now: deps.clock(), settings: deps.settings });
    try {
      await deps.cases.saveCase(outcome, candidate.version);
      return caseResponse(outcome.case, deps.settings);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new NotFoundError('no case is waiting in "to assign"' + (Object.keys(body).length > 0 ? ' with those filters' : ''));
});
