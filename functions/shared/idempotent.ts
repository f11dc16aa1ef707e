import { ConflictError } from '../domain/errors.ts';
import type { IdempotencyRecord } from '../store/idempotency.ts';
import type { HttpResult, Request } from './http-handler.ts';
import type { Route } from '../routes.ts';

/** The record that lets a retry of this request get `response` back, when the caller sent a key. */
export function idempotencyRecord(request: Request<Route>, response: HttpResult): IdempotencyRecord | undefined {
  if (!request.idempotencyKey || !request.actor) return undefined;
  return {
    actorId: request.actor.id,
    key: request.idempotencyKey,
    fingerprint: request.fingerprint,
    response: { status: response.status, body: response.body, ...(response.headers ? { headers: response.headers } : {}) },
  };
}

/** A stored answer for this key: replay it, unless the key came with a different request. */
export function replayOf(request: Request<Route>, hit: { fingerprint: string; response: HttpResult } | undefined): HttpResult | undefined {
  if (!hit) return undefined;
  if (hit.fingerprint !== request.fingerprint) {
    throw new ConflictError('this Idempotency-Key was used for a different request', 'idempotency_key_reused');
  }
  return hit.response;
}
