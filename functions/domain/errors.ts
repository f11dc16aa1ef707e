/** A field that failed validation, addressed the way the caller sent it (e.g. `body.contacts.requester`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Base of every rule violation; the HTTP layer maps each subclass to one status code. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class ValidationError extends DomainError {
  readonly code = 'validation_failed';
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  }
}

export class InvalidTransitionError extends DomainError {
  readonly code = 'invalid_transition';
  constructor(
    readonly command: string,
    readonly status: string,
    readonly allowed: string[],
    reason?: string,
  ) {
    super(reason ?? `'${command}' is not allowed while the case is ${status}`);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found';
}

export class ConflictError extends DomainError {
  readonly code: string;
  constructor(message: string, code = 'version_conflict') {
    super(message);
    this.code = code;
  }
}
