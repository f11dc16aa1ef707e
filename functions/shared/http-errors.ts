import type { z } from 'zod';
import { ConflictError, DomainError, type FieldIssue, ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from '../domain/errors.ts';

/** Errors raised by the HTTP layer itself, before the domain is reached. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string; issues?: FieldIssue[]; allowed?: string[] };
}

/** zod issues as field paths the caller sent, e.g. `body.contacts.requester.email`. */
export function zodIssues(prefix: string, error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/**
 * The one place where errors become status codes. Anything unrecognised is a 500 and is logged
 * by the caller; a client mistake never lands here as one.
 */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } | null {
  if (error instanceof HttpError) return { status: error.status, body: { error: { code: error.code, message: error.message } } };
  if (!(error instanceof DomainError)) return null;
  const base = { code: error.code, message: error.message };
  if (error instanceof ValidationError) return { status: 400, body: { error: { ...base, issues: error.issues } } };
  if (error instanceof InvalidTransitionError) return { status: 409, body: { error: { ...base, allowed: error.allowed } } };
  if (error instanceof ConflictError) return { status: 409, body: { error: base } };
  if (error instanceof ForbiddenError) return { status: 403, body: { error: base } };
  if (error instanceof NotFoundError) return { status: 404, body: { error: base } };
  return { status: 400, body: { error: base } };
}
