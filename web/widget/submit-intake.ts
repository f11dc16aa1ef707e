import type { ErrorBody } from '../shared/api-types.ts';
import type { IntakeBody } from './intake-fields.ts';

/** How POST /public/intake answered, as the form tells the customer. */
export type IntakeOutcome =
  | { kind: 'accepted' }
  | { kind: 'invalid'; issues: { path: string; message: string }[] }
  | { kind: 'too-many' }
  | { kind: 'failed' };

/** A public route of the tenant's API, whether or not its URL was given with a trailing slash. */
export const publicUrl = (api: string, path: string): string => `${api.replace(/\/+$/, '')}${path}`;

/**
 * Posts the form to the tenant's API, from the host page's origin: the API's CORS lets the tenant's
 * listed origins in (intake.allowedOrigins). A refused or unreachable request is `failed`, as the
 * browser hides a CORS refusal's reason from the page.
 */
export async function submitIntake(api: string, body: IntakeBody): Promise<IntakeOutcome> {
  try {
    const response = await fetch(publicUrl(api, '/public/intake'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status === 202) return { kind: 'accepted' };
    if (response.status === 429) return { kind: 'too-many' };
    if (response.status === 400) {
      const error = ((await response.json()) as ErrorBody).error;
      return { kind: 'invalid', issues: error.issues ?? [{ path: '', message: error.message }] };
    }
    return { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}
