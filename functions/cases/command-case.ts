import type { Case } from '../domain/case.ts';
import { ConflictError } from '../domain/errors.ts';
import type { Route } from '../routes.ts';
import type { Deps } from '../shared/deps.ts';
import type { HttpResult, Request } from '../shared/http-handler.ts';
import { replayOf } from '../shared/idempotent.ts';
import { retryBackingOffBeforeWrite, retryOnConflict, type RetryTurn, SINGLE_TURN } from '../shared/retry-on-conflict.ts';

/**
 * The case a command acts on, read in one request with the stored answer of its Idempotency-Key
 * (which is answered instead, as a replay), and held to If-Match: a caller who saw another
 * version gets a 409 at once.
 */
export async function caseForCommand<R extends Route>(request: Request<R>, deps: Deps): Promise<{ replay: HttpResult } | { case: Case }> {
  const { caseId } = request.params as { caseId: string };
  const loaded = await deps.cases.loadForCommand(caseId, request.idempotencyKey ? { actorId: request.actor!.id, key: request.idempotencyKey } : undefined);
  const replay = replayOf(request, loaded.replay);
  if (replay) return { replay };
  if (request.ifMatch !== undefined && request.ifMatch !== loaded.case.version) {
    throw new ConflictError(`the case is at version ${loaded.case.version}; you sent If-Match ${request.ifMatch}. Reload it`);
  }
  return { case: loaded.case };
}

/**
 * Runs a command's read-decide-write attempt. With If-Match the caller asked for exactly the
 * version it saw, so a lost race is its 409 at once; without it the attempt is made again on the
 * newer case, with jittered backoff, until it lands or the retry budget is spent (`BUSY_CASE_RETRY`).
 */
export const attemptCommand = <R extends Route>(request: Request<R>, attempt: () => Promise<HttpResult>): Promise<HttpResult> =>
  request.ifMatch === undefined ? retryOnConflict(attempt) : attempt();

/**
 * {@link attemptCommand} for a command whose outcome may be an append, which lands on top of
 * other appends: after a lost race it decides again at once, and spends the backoff only before a
 * write that can lose again (`turn.beforeContendedWrite`).
 */
export const attemptAppendingCommand = <R extends Route>(request: Request<R>, attempt: (turn: RetryTurn) => Promise<HttpResult>): Promise<HttpResult> =>
  request.ifMatch === undefined ? retryBackingOffBeforeWrite(attempt) : attempt(SINGLE_TURN);
