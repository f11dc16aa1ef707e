import type { Case } from '../domain/case.ts';
import type { CommandContext, Outcome } from '../domain/mutation.ts';
import { toCaseView } from '../domain/views.ts';
import type { Route } from '../routes.ts';
import { etagOf } from '../shared/case-response.ts';
import type { Deps } from '../shared/deps.ts';
import { defineHandler, type HttpResult, type Request, type RouteHandler } from '../shared/http-handler.ts';
import { idempotencyRecord } from '../shared/idempotent.ts';
import { attemptCommand, caseForCommand } from './command-case.ts';

/** A merge or unmerge decided: both cases' changes, and the version the target was read at. */
export interface PairChange {
  source: Outcome;
  target: Outcome;
  targetVersion: number;
}

type Decide<R extends Route> = (source: Case, ctx: CommandContext, request: Request<R>, deps: Deps) => Promise<PairChange>;

/**
 * A command on a case and the case it is merged into (merge, unmerge): like any case command it
 * reads the case (and a replay of this Idempotency-Key) once and honours If-Match on it; `decide`
 * reads the other case; both are saved in one transaction, each conditional on the version read,
 * and re-decided on newer cases when either changed meanwhile (without If-Match).
 */
export function mergeCommand<R extends Route>(route: R, decide: Decide<R>): RouteHandler<R> {
  return defineHandler(route, async (request, deps) =>
    attemptCommand(request, async () => {
      const loaded = await caseForCommand(request, deps);
      if ('replay' in loaded) return loaded.replay;
      const source = loaded.case;
      const actor = request.actor!;
      const change = await decide(source, { actor, now: deps.clock(), settings: deps.settings }, request, deps);
      const view = (c: Case) => toCaseView(c, actor, deps.settings, change.source.case.updatedAt);
      const response: HttpResult = {
        status: 200,
        body: { case: view(change.source.case), target: view(change.target.case) },
        headers: { etag: etagOf(change.source.case) },
      };
      const record = idempotencyRecord(request, response);
      await deps.cases.saveCases([
        { outcome: change.source, expectedVersion: source.version, ...(record ? { options: { idempotency: record } } : {}) },
        { outcome: change.target, expectedVersion: change.targetVersion },
      ]);
      return response;
    }),
  );
}
