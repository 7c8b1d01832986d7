import type { Middleware } from 'koa';
import type { Database } from '../db/database';
import { UnauthenticatedError } from '../errors/app-errors';
import type { AppContext, AppState, AuthenticatedUser } from '../http/app-context';
import { createLogger } from '../logging/logger';
import { defineAbilityFor, type AppAbility } from '../permissions/ability';
import {
  DEFAULT_SESSION_IDLE_MINUTES,
  clearSessionCookie,
  findActiveSession,
  readSessionCookie,
  type SessionSettings,
} from './sessions';

const log = createLogger('server:auth');

/**
 * Resolves the session cookie of each API request into `ctx.state.user` and
 * `ctx.state.ability`. A request without a valid session continues anonymously, and a stale
 * cookie is cleared; routes that need a user call {@link requireUser}. Requests outside /api
 * (the web application's files) are not looked up.
 */
export function authenticate(
  db: Database,
  settings: SessionSettings = { idleMinutes: DEFAULT_SESSION_IDLE_MINUTES },
): Middleware<AppState> {
  return async (ctx, next) => {
    const token = isApiPath(ctx.path) ? readSessionCookie(ctx) : undefined;
    if (token === undefined) {
      await next();
      return;
    }

    const session = await findActiveSession(db.knex, token, settings);
    if (session) {
      ctx.state.user = session.user;
      ctx.state.ability = defineAbilityFor(session.user);
    } else {
      log.debug({ requestId: ctx.state.requestId }, 'unknown or expired session cookie cleared');
      clearSessionCookie(ctx);
    }
    await next();
  };
}

/** Returns the signed-in user, or throws UnauthenticatedError (401) without a session. */
export function requireUser(ctx: Pick<AppContext, 'state'>): AuthenticatedUser {
  const user = ctx.state.user;
  if (!user) throw new UnauthenticatedError();
  return user;
}

/** Returns the ability of the signed-in user, or throws UnauthenticatedError (401). */
export function requireAbility(ctx: Pick<AppContext, 'state'>): AppAbility {
  const user = requireUser(ctx);
  ctx.state.ability ??= defineAbilityFor(user);
  return ctx.state.ability;
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
