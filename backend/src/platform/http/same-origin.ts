import type { Middleware } from 'koa';
import { ForbiddenActionError } from '../errors/app-errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Rejects state-changing requests whose `Origin` header names another site. Together with the
 * SameSite session cookie this stops cross-site request forgery; clients without a browser send
 * no Origin header and are let through.
 */
export function sameOrigin(): Middleware {
  return async (ctx, next) => {
    const origin = ctx.get('origin');
    // Built from the protocol and Host header: Koa 3's `ctx.origin` echoes the Origin header
    // when one is sent, so comparing against it would accept every origin.
    const ownOrigin = `${ctx.protocol}://${ctx.host}`;
    if (!SAFE_METHODS.has(ctx.method) && origin && origin !== ownOrigin) {
      throw new ForbiddenActionError(
        `Cross-site request from ${origin} rejected; call the API from ${ownOrigin}.`,
      );
    }
    await next();
  };
}
