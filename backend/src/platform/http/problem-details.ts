import type { Middleware } from 'koa';
import { ZodError } from 'zod';
import { ForbiddenError as CaslForbiddenError } from '@casl/ability';
import { AppError, type FieldProblem } from '../errors/app-errors';
import { createLogger } from '../logging/logger';

const log = createLogger('server:http');

/** Body of an RFC 9457 problem+json response. */
interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  requestId?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/**
 * Maps every error thrown below it to an application/problem+json response. Unexpected errors
 * are logged with the request id and get a generic 500 response, never their message.
 */
export function problemDetails(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api/')) {
        writeProblem(ctx, {
          status: 404,
          code: 'route_not_found',
          detail: `No API route matches ${ctx.method} ${ctx.path}.`,
        });
      }
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status >= 500) {
        log.error({ err: error, requestId: ctx.state.requestId }, 'request failed');
      } else {
        log.debug({ err: error, requestId: ctx.state.requestId }, 'request rejected');
      }
      writeProblem(ctx, problem);
    }
  };
}

interface ProblemInput {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

function toProblem(error: unknown): ProblemInput {
  if (error instanceof AppError) {
    // Details come first so that a detail named like a member (a task's `status`, say) cannot
    // replace the HTTP status or the code.
    return {
      ...error.details,
      status: error.status,
      code: error.code,
      ...(error.expose && { detail: error.message }),
    };
  }
  if (error instanceof ZodError) {
    return {
      status: 400,
      code: 'validation_failed',
      detail: 'The request has invalid fields; see errors.',
      errors: error.issues.map((issue) => ({
        field: issue.path.join('.') || '(body)',
        message: issue.message,
      })),
    };
  }
  if (error instanceof CaslForbiddenError) {
    return { status: 403, code: 'forbidden', detail: error.message };
  }
  return fromHttpError(error);
}

// Errors from Koa and its body parser carry `status` and `expose` (the http-errors convention).
function fromHttpError(error: unknown): ProblemInput {
  const candidate = error as { status?: unknown; expose?: unknown; message?: unknown };
  const status = typeof candidate.status === 'number' ? candidate.status : 500;

  if (status === 413) {
    return {
      status,
      code: 'payload_too_large',
      detail: 'The request body is over the size limit; send a smaller body.',
    };
  }
  if (status >= 400 && status < 500) {
    const detail =
      candidate.expose === true
        ? String(candidate.message)
        : 'The request is malformed; send a JSON object body with Content-Type application/json.';
    return { status, code: 'bad_request', detail };
  }
  return { status: 500, code: 'internal_error', detail: 'Unexpected error; it has been logged.' };
}

function writeProblem(ctx: Parameters<Middleware>[0], problem: ProblemInput): void {
  const body: ProblemBody = {
    ...problem,
    type: 'about:blank',
    title: problem.title ?? statusTitle(problem.status),
    requestId: ctx.state.requestId as string | undefined,
  };
  ctx.status = problem.status;
  ctx.type = 'application/problem+json';
  ctx.body = body;
}

function statusTitle(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Content',
    429: 'Too Many Requests',
  };
  return titles[status] ?? 'Internal Server Error';
}
