import { HttpErrorResponse } from '@angular/common/http';

/** A field-level problem from a problem+json `errors` array. */
export interface FieldProblem {
  /** Dotted path of the field, such as `values.reason` or `startDate`. */
  field: string;
  message: string;
}

/** The parts of an application/problem+json body the client uses. */
export interface Problem {
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
  /** Stable code such as `validation_failed`; `network_error` when there was no response. */
  code: string;
  detail: string | null;
  errors: FieldProblem[];
  /** Extension members, such as `lockedUntil` on `account_locked`. */
  extensions: Record<string, unknown>;
}

const KNOWN_MEMBERS = new Set(['status', 'code', 'detail', 'errors', 'type', 'title']);

/** Converts an HTTP error (or anything thrown) into a {@link Problem}. */
export function toProblem(error: unknown): Problem {
  if (!(error instanceof HttpErrorResponse)) {
    return { status: 0, code: 'client_error', detail: String(error), errors: [], extensions: {} };
  }
  if (error.status === 0) {
    return { status: 0, code: 'network_error', detail: null, errors: [], extensions: {} };
  }
  const body = isRecord(error.error) ? error.error : {};
  return {
    status: error.status,
    code: typeof body['code'] === 'string' ? body['code'] : `http_${error.status}`,
    detail: typeof body['detail'] === 'string' ? body['detail'] : null,
    errors: readFieldProblems(body['errors']),
    extensions: Object.fromEntries(Object.entries(body).filter(([key]) => !KNOWN_MEMBERS.has(key))),
  };
}

/**
 * Groups field problems by field name, after removing `prefix` (such as `values.`) from each
 * path. Problems whose path does not start with the prefix are returned under `''`.
 */
export function groupFieldProblems(
  errors: readonly FieldProblem[],
  prefix = '',
): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const { field, message } of errors) {
    const name = field.startsWith(prefix) ? field.slice(prefix.length) : '';
    grouped.set(name, [...(grouped.get(name) ?? []), message]);
  }
  return grouped;
}

function readFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((item) => ({
    field: String(item['field'] ?? ''),
    message: String(item['message'] ?? ''),
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
