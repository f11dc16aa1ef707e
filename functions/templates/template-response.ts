import type { StoredTemplate } from '../domain/templates.ts';
import { etagOf } from '../shared/case-response.ts';
import type { HttpResult } from '../shared/http-handler.ts';

/** A template with its version as the ETag, as a case is answered. */
export const templateResponse = (template: StoredTemplate, status: 200 | 201 = 200): HttpResult => ({
  status,
  body: { template },
  headers: { etag: etagOf(template) },
});
