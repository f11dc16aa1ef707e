import type * as z from 'zod';
import type { IntakeUploadResponseSchema } from '../../functions/domain/intake-api.ts';
import type { ErrorBody } from '../shared/api-types.ts';
import type { IntakeAttachment } from './intake-fields.ts';
import { publicUrl } from './submit-intake.ts';

/** How one file's upload went: its attachment for the submission, the API's words against it, or a failure. */
export type UploadOutcome = { kind: 'uploaded'; attachment: IntakeAttachment } | { kind: 'refused'; message: string } | { kind: 'failed' };

/**
 * Uploads one file: the API signs a link for exactly its type and size, and the browser PUTs the
 * bytes there, straight to the tenant's storage. The key is the API's to make and check; the widget
 * only passes it back in the submission, so it never builds or reads one.
 */
export async function uploadFile(api: string, file: File): Promise<UploadOutcome> {
  // Only files of the intake's types reach here (admitFiles), so the browser's type is one of the enum's.
  const declared = { filename: file.name, contentType: file.type as IntakeAttachment['contentType'], size: file.size };
  try {
    const response = await fetch(publicUrl(api, '/public/intake/uploads'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(declared),
    });
    if (response.status === 400) {
      const error = ((await response.json()) as ErrorBody).error;
      return { kind: 'refused', message: (error.issues ?? [error]).map((issue) => issue.message).join('; ') };
    }
    if (response.status !== 201) return { kind: 'failed' };
    const { key, uploadUrl } = (await response.json()) as z.infer<typeof IntakeUploadResponseSchema>;
    const stored = await fetch(uploadUrl, { method: 'PUT', headers: { 'content-type': declared.contentType }, body: file });
    return stored.ok ? { kind: 'uploaded', attachment: { key, ...declared } } : { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}
