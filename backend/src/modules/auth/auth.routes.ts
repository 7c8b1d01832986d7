import { requireAbility, requireUser } from '../../platform/auth/authenticate';
import {
  clearSessionCookie,
  readSessionCookie,
  writeSessionCookie,
  type SessionSettings,
} from '../../platform/auth/sessions';
import type { AppRouter } from '../../platform/http/app-context';
import { defineAbilityFor } from '../../platform/permissions/ability';
import type { AppServices } from '../../services';
import { localeRequestSchema, loginRequestSchema } from './auth.schemas';
import { describeSession, signIn, signOut, updateLocale } from './auth.service';

/**
 * Adds the sign-in routes: `POST /auth/login`, `POST /auth/logout`, `GET /me` and
 * `PUT /me/locale`. Login and logout need no session; the `/me` routes need one.
 */
export function registerAuthRoutes(router: AppRouter, services: AppServices): void {
  const knex = services.db.knex;
  const settings: SessionSettings = { idleMinutes: services.config.sessionIdleMinutes };

  router.post('/auth/login', async (ctx) => {
    const request = loginRequestSchema.parse(ctx.request.body);
    const context = { requestId: ctx.state.requestId, ip: ctx.ip };
    const { user, token } = await signIn(knex, request, settings, context);

    // A new token on every sign-in: a session id planted before it is never promoted.
    const previousToken = readSessionCookie(ctx);
    if (previousToken) await signOut(knex, previousToken, ctx.state.user?.id);

    writeSessionCookie(ctx, token);
    ctx.body = describeSession(user, defineAbilityFor(user));
  });

  router.post('/auth/logout', async (ctx) => {
    const token = readSessionCookie(ctx);
    if (token) await signOut(knex, token, ctx.state.user?.id);

    clearSessionCookie(ctx);
    ctx.status = 204;
  });

  router.get('/me', (ctx) => {
    ctx.body = describeSession(requireUser(ctx), requireAbility(ctx));
  });

  router.put('/me/locale', async (ctx) => {
    const user = requireUser(ctx);
    const { locale } = localeRequestSchema.parse(ctx.request.body);

    ctx.body = { user: await updateLocale(knex, user, requireAbility(ctx), locale) };
  });
}
