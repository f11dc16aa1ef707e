import type { Actor } from '../domain/actor.ts';
import type { Case } from '../domain/case.ts';
import type { TenantSettings } from '../domain/tenant-settings.ts';
import { toCaseView } from '../domain/views.ts';
import type { HttpResult } from './http-handler.ts';

/**
 * A case's ETag starts with its version: send it back in If-Match to change exactly what you saw.
 * A command answers with the version alone; GET /cases/{caseId} adds a hash of its body.
 */
export const etagOf = (c: Pick<Case, 'version'>): string => `"${c.version}"`;

/** The case as `actor` sees it at `now`: the commands in it are the ones the caller may run. */
export function caseResponse(c: Case, actor: Actor, settings: TenantSettings, now: string, status = 200): HttpResult {
  return { status, body: { case: toCaseView(c, actor, settings, now) }, headers: { etag: etagOf(c) } };
}
