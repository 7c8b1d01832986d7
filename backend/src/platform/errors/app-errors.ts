/** One invalid field of a request, as sent in a problem+json `errors` array. */
export interface FieldProblem {
  /** Dotted path of the field, such as `values.reason` or `row 12.email`. */
  field: string;
  message: string;
}

/**
 * Base class of the errors the HTTP layer maps to problem+json responses. `expose` decides
 * whether the client may read the message; otherwise it gets the generic title only.
 */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly expose = true,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A request whose body, query or parameters fail validation. */
export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly errors: FieldProblem[],
  ) {
    super(message, 400, 'validation_failed', true, { errors });
  }
}

/** A row that does not exist or that the user may not see: both return 404. */
export class NotFoundError extends AppError {
  constructor(subject: string, id: string | number) {
    super(`${subject} ${id} not found`, 404, 'not_found', true, { subject, id });
  }
}

/** An action the user's roles do not allow on a row they may see. */
export class ForbiddenActionError extends AppError {
  constructor(message: string) {
    super(message, 403, 'forbidden');
  }
}

/** A request that lost a race or no longer fits the row's state. */
export class ConflictError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, 409, 'conflict', true, details);
  }
}

/** A request without a valid session. */
export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in first: this request needs a valid session.') {
    super(message, 401, 'unauthenticated');
  }
}
