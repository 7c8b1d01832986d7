import Koa from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import helmet from 'koa-helmet';
import type { AppState, AppRouter } from './platform/http/app-context';
import type { FeatureModule } from './platform/http/feature-module';
import { authenticate } from './platform/auth/authenticate';
import { problemDetails } from './platform/http/problem-details';
import { requestLogging } from './platform/http/request-logging';
import { sameOrigin } from './platform/http/same-origin';
import { serveFrontend } from './platform/http/serve-frontend';
import type { AppServices } from './services';
import { featureModules } from './modules';

/** Largest JSON body the API accepts; BPMN uploads have their own, larger limit. */
export const JSON_BODY_LIMIT = '256kb';

/**
 * Builds the Koa application: request id and logging first, then error mapping, security
 * headers, the CSRF origin check, body parsing, the session's user, the API routes and finally
 * the frontend.
 */
export function createApp(
  services: AppServices,
  modules: FeatureModule[] = featureModules,
): Koa<AppState> {
  const app = new Koa<AppState>({ proxy: process.env.TRUST_PROXY === 'true' });

  app.use(requestLogging());
  app.use(problemDetails());
  app.use(helmet({ contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } } }));
  app.use(sameOrigin());
  app.use(
    bodyParser({
      enableTypes: ['json', 'text'],
      jsonLimit: JSON_BODY_LIMIT,
      textLimit: '2mb',
      extendTypes: { text: ['application/xml', 'text/xml', 'application/bpmn+xml'] },
    }),
  );
  app.use(authenticate(services.db, { idleMinutes: services.config.sessionIdleMinutes }));

  const router: AppRouter = new Router<AppState>({ prefix: '/api' });
  router.get('/health', (ctx) => {
    ctx.body = { status: 'ok', database: services.db.kind };
  });
  for (const module of modules) module.registerRoutes(router, services);

  app.use(router.routes());
  app.use(router.allowedMethods());
  app.use(serveFrontend(services.config.frontendDir));
  return app;
}
