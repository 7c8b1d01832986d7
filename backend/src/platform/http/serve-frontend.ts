import fs from 'node:fs';
import path from 'node:path';
import type { Middleware } from 'koa';
import send from 'koa-send';

/**
 * Serves the built Angular application from `root`. Paths without a file extension fall back
 * to index.html so the client-side router can handle deep links; /api is never served here.
 */
export function serveFrontend(root: string): Middleware {
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return void (await next());
    if (ctx.path.startsWith('/api/') || ctx.path === '/api') return void (await next());

    if (!fs.existsSync(path.join(root, 'index.html'))) {
      ctx.status = 503;
      ctx.type = 'text/plain';
      ctx.body = `The web application is not built. Run "npm start", which builds it into ${root}.`;
      return;
    }

    const hasExtension = path.extname(ctx.path) !== '';
    const file = hasExtension ? ctx.path : '/index.html';
    try {
      await send(ctx, file, {
        root,
        // Hashed bundles never change; index.html must be revalidated to pick up new builds.
        maxage: hasExtension ? 365 * 24 * 3600 * 1000 : 0,
        immutable: hasExtension,
      });
    } catch (error) {
      if ((error as { status?: number }).status === 404) return void (await next());
      throw error;
    }
  };
}
