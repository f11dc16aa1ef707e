import type { Case } from '../domain/case.ts';
import type { TenantSettings } from '../domain/tenant-settings.ts';
import { toCaseView } from '../domain/views.ts';
import type { HttpResult } from './http-handler.ts';

/** The ETag of a case is its version: send it back in If-Match to change exactly what you saw. */
export const etagOf = (c: Pick<Case, 'version'>): string => `"${c.version}"`;

export function caseResponse(c: Case, settings: TenantSettings, status = 200): HttpResult {
  return { status, body: { case: toCaseView(c, settings) }, headers: { etag: etagOf(c) } };
}
