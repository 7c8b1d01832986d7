import { requireAbility, requireUser } from '../../platform/auth/authenticate';
import type { AppRouter } from '../../platform/http/app-context';
import type { AppServices } from '../../services';
import { stageListQuerySchema, stageParamsSchema, stageRequestSchema } from './stages.schemas';
import { getStageDetail, listStages, requestStage } from './stages.service';

/**
 * Adds the stage routes. `POST /stages`: students (for themselves) and school coordinators (for
 * their school's students). `GET /stages` and `GET /stages/:id`: users that the `read Stage` rules allow.
 */
export function registerStageRoutes(router: AppRouter, services: AppServices): void {
  const { knex } = services.db;
  const deps = { knex, runtime: services.runtime };

  router.post('/stages', async (ctx) => {
    const user = requireUser(ctx);
    const ability = requireAbility(ctx);
    const request = stageRequestSchema.parse(ctx.request.body);

    const stage = await requestStage(deps, user, ability, request);
    ctx.status = 201;
    ctx.set('Location', `/api/stages/${stage.id}`);
    ctx.body = stage;
  });

  router.get('/stages', async (ctx) => {
    const ability = requireAbility(ctx);
    const query = stageListQuerySchema.parse(ctx.query);
    ctx.body = await listStages(knex, ability, query);
  });

  router.get('/stages/:id', async (ctx) => {
    const ability = requireAbility(ctx);
    const { id } = stageParamsSchema.parse(ctx.params);
    ctx.body = await getStageDetail(knex, ability, id);
  });
}
