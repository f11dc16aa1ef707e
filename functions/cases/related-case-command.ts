import type { Case } from '../domain/case.ts';
import type { CommandContext, Outcome } from '../domain/mutation.ts';
import type { NewCaseIdentity } from '../domain/new-case.ts';
import { toCaseView } from '../domain/views.ts';
import type { Route } from '../routes.ts';
import { etagOf } from '../shared/case-response.ts';
import type { Deps } from '../shared/deps.ts';
import { defineHandler, type HttpResult, type Request, type RouteHandler } from '../shared/http-handler.ts';
import { idempotencyRecord } from '../shared/idempotent.ts';
import { attemptCommand, caseForCommand } from './command-case.ts';

type Build<R extends Route> = (c: Case, ctx: CommandContext, request: Request<R>, identities: NewCaseIdentity[]) => { original: Outcome; created: Outcome[] };

/**
 * A command that makes new cases from one (split, start a linked case): like any case command it
 * reads the case (and a replay of this Idempotency-Key) once, honours If-Match, applies the domain
 * rule and saves conditional on the version read, re-applying to a newer case without If-Match;
 * the new cases are written in the same transaction as the original's change (`createRelatedCases`).
 */
export function relatedCaseCommand<R extends Route>(route: R, count: (request: Request<R>) => number, build: Build<R>): RouteHandler<R> {
  return defineHandler(route, async (request, deps) =>
    attemptCommand(request, async () => {
      const loaded = await caseForCommand(request, deps);
      if ('replay' in loaded) return loaded.replay;
      const current = loaded.case;
      const ctx = { actor: request.actor!, now: deps.clock(), settings: deps.settings };
      let response: HttpResult | undefined;
      await deps.cases.createRelatedCases(
        count(request),
        (numbers) => {
          const result = build(current, ctx, request, numbers.map((number) => ({ id: deps.newId(), number })));
          response = answer(result, request, deps);
          return result;
        },
        current.version,
        () => idempotencyRecord(request, response!),
      );
      return response!;
    }),
  );
}

function answer<R extends Route>(result: { original: Outcome; created: Outcome[] }, request: Request<R>, deps: Deps): HttpResult {
  const view = (c: Case) => toCaseView(c, request.actor!, deps.settings, result.original.case.updatedAt);
  return { status: 201, body: { case: view(result.original.case), created: result.created.map((o) => view(o.case)) }, headers: { etag: etagOf(result.original.case) } };
}
