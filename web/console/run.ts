import type { ApiError } from '../shared/api-client.ts';

export interface RunOptions {
  /** False for what a change made meanwhile cannot spoil (a note, a reply): sent without If-Match. */
  guarded?: boolean;
  /** Shows a refusal at the form that asked, next to what caused it; true when it did, else the case view shows it. */
  showRefusal?: (error: ApiError) => boolean;
}

/** Runs a request on the case; the answer is the case as it now is. @returns whether it landed */
export type Run = (method: string, path: string, body?: unknown, options?: RunOptions) => Promise<boolean>;
