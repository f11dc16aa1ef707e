import type { Case } from '../domain/case.ts';
import type { CommandContext, Outcome } from '../domain/mutation.ts';
import type { Route } from '../routes.ts';
import { caseResponse } from '../shared/case-response.ts';
import type { Deps } from '../shared/deps.ts';
import { defineHandler, type HttpResult, type Request, type RouteHandler } from '../shared/http-handler.ts';
import { idempotencyRecord } from '../shared/idempotent.ts';
import type { SaveOptions } from '../store/case-store.ts';
import type { GuardedWrite } from '../store/transaction.ts';
import { attemptCommand, caseForCommand } from './command-case.ts';

type Apply<R extends Route> = (c: Case, ctx: CommandContext, request: Request<R>) => Outcome;

export interface CommandOptions<R extends Route> {
  /** Another item that must exist for the change to be valid, checked in the same transaction. */
  requires?: (request: Request<R>) => SaveOptions['requires'];
  /** Other writes of the same transaction, such as dropping the draft of the reply being sent. */
  alongside?: (request: Request<R>, deps: Deps) => GuardedWrite[];
}

/**
 * A command on one case: load it (one read), apply the domain rule, save it conditional on the
 * version read (one write). With If-Match the caller's version must be current, and a lost
 * race is a 409; without it the command is applied again to the newer case, with jittered
 * backoff, until it lands or the retry budget is spent (`BUSY_CASE_RETRY`).
 */
export function caseCommand<R extends Route>(
  route: R,
  apply: Apply<R>,
  options: CommandOptions<R> = {},
): RouteHandler<R> {
  return defineHandler(route, async (request, deps) =>
    attemptCommand(request, async () => {
      const loaded = await caseForCommand(request, deps);
      if ('replay' in loaded) return loaded.replay;
      const current = loaded.case;
      return save(deps, request, current, apply(current, { actor: request.actor!, now: deps.clock(), settings: deps.settings }, request), options);
    }),
  );
}

async function save<R extends Route>(
  deps: Deps,
  request: Request<R>,
  current: Case,
  outcome: Outcome,
  options: CommandOptions<R>,
): Promise<HttpResult> {
  const response = caseResponse(outcome.case, request.actor!, deps.settings, outcome.case.updatedAt);
  const required = options.requires?.(request);
  const alongside = options.alongside?.(request, deps) ?? [];
  await deps.cases.saveCase(outcome, current.version, {
    ...(required ? { requires: required } : {}),
    ...(alongside.length > 0 ? { alongside } : {}),
    ...withIdempotency(request, response),
  });
  return response;
}

const withIdempotency = (request: Request<Route>, response: HttpResult) => {
  const record = idempotencyRecord(request, response);
  return record ? { idempotency: record } : {};
};
