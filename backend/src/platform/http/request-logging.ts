import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import { createLogger } from '../logging/logger';

const log = createLogger('server:request');

/**
 * Gives each request an id (taken from a well-formed `X-Request-Id` header, else generated),
 * returns it in the response and logs one line per request with its status and duration.
 */
export function requestLogging(): Middleware {
  return async (ctx, next) => {
    const header = ctx.get('x-request-id');
    const requestId = /^[\w-]{8,64}$/.test(header) ? header : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);

    const startedAt = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
      log.info(
        {
          requestId,
          method: ctx.method,
          path: ctx.path,
          status: ctx.status,
          durationMs: Math.round(durationMs * 10) / 10,
          userId: (ctx.state.user as { id?: number } | undefined)?.id,
        },
        'request',
      );
    }
  };
}
