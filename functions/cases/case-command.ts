import type { Case } from '../domain/case.ts';
import type { CommandContext, Outcome } from '../domain/mutation.ts';
import type { Route } from '../routes.ts';
import { caseResponse } from '../shared/case-response.ts';
import type { Deps } from '../shared/deps.ts';
import { defineHandler, type HttpResult, type Request, type RouteHandler } from '../shared/http-handler.ts';
import { idempotencyRecord } from '../shared/idempotent.ts';
import type { SaveOptions } from '../store/case-store.ts';
import type { GuardedWrite } from '../store/transaction.ts';
import type { RetryTurn } from '../shared/retry-on-conflict.ts';
import { attemptAppendingCommand, caseForCommand } from './command-case.ts';

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
 * backoff, until it lands or the retry budget is spent (`BUSY_CASE_RETRY`). Without If-Match an
 * outcome that only adds entries (a note on a case in work) lands on top of other such outcomes
 * instead of racing them (`CaseStore.appendToCase`), and so does not wait out a backoff.
 */
export function caseCommand<R extends Route>(
  route: R,
  apply: Apply<R>,
  options: CommandOptions<R> = {},
): RouteHandler<R> {
  return defineHandler(route, async (request, deps) =>
    attemptAppendingCommand(request, async (turn) => {
      const loaded = await caseForCommand(request, deps);
      if ('replay' in loaded) return loaded.replay;
      const current = loaded.case;
      return save(deps, request, current, apply(current, { actor: request.actor!, now: deps.clock(), settings: deps.settings }, request), options, turn);
    }),
  );
}

async function save<R extends Route>(
  deps: Deps,
  request: Request<R>,
  current: Case,
  outcome: Outcome,
  options: CommandOptions<R>,
  turn: RetryTurn,
): Promise<HttpResult> {
  const required = options.requires?.(request);
  const alongside = options.alongside?.(request, deps) ?? [];
  const { append } = outcome;
  if (append && request.ifMatch === undefined && !required && alongside.length === 0) {
    const stored = await deps.cases.appendToCase({ ...outcome, append }, current.version, (s) => idempotencyRecord(request, respond(s, request, deps)));
    return respond(stored, request, deps);
  }
  await turn.beforeContendedWrite();
  const response = respond(outcome, request, deps);
  await deps.cases.saveCase(outcome, current.version, {
    ...(required ? { requires: required } : {}),
    ...(alongside.length > 0 ? { alongside } : {}),
    ...withIdempotency(request, response),
  });
  return response;
}

const respond = (outcome: Outcome, request: Request<Route>, deps: Deps): HttpResult =>
  caseResponse(outcome.case, request.actor!, deps.settings, outcome.case.updatedAt);

const withIdempotency = (request: Request<Route>, response: HttpResult) => {
  const record = idempotencyRecord(request, response);
  return record ? { idempotency: record } : {};
};
