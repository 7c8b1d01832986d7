import { requireAbility, requireUser } from '../../platform/auth/authenticate';
import type { AppContext, AppRouter } from '../../platform/http/app-context';
import type { AppServices } from '../../services';
import { taskCompletionSchema, taskListQuerySchema, taskParamsSchema } from './tasks.schemas';
import {
  claimTask,
  completeTask,
  countOpenTasks,
  getTask,
  listTasks,
  unclaimTask,
  type TaskActor,
} from './tasks.service';

/**
 * Adds the task inbox routes. Reading needs `read Task`, claiming `claim`, completing
 * `complete` on the task's candidate fields; a task the user may not read is a 404.
 */
export function registerTaskRoutes(router: AppRouter, services: AppServices): void {
  const { knex } = services.db;
  const deps = { knex, runtime: services.runtime };

  router.get('/tasks', async (ctx) => {
    const actor = requireActor(ctx);
    const query = taskListQuerySchema.parse(ctx.query);
    ctx.body = await listTasks(knex, actor, query);
  });

  // Registered before `/tasks/:id`, which would otherwise take `count` for an id.
  router.get('/tasks/count', async (ctx) => {
    ctx.body = await countOpenTasks(knex, requireActor(ctx));
  });

  router.get('/tasks/:id', async (ctx) => {
    const ability = requireAbility(ctx);
    const { id } = taskParamsSchema.parse(ctx.params);
    ctx.body = await getTask(knex, ability, id);
  });

  router.post('/tasks/:id/claim', async (ctx) => {
    const actor = requireActor(ctx);
    const { id } = taskParamsSchema.parse(ctx.params);
    ctx.body = await claimTask(knex, actor, id);
  });

  router.post('/tasks/:id/unclaim', async (ctx) => {
    const actor = requireActor(ctx);
    const { id } = taskParamsSchema.parse(ctx.params);
    ctx.body = await unclaimTask(knex, actor, id);
  });

  router.post('/tasks/:id/complete', async (ctx) => {
    const actor = requireActor(ctx);
    const { id } = taskParamsSchema.parse(ctx.params);
    const { values } = taskCompletionSchema.parse(ctx.request.body ?? {});
    ctx.body = await completeTask(deps, actor, id, values);
  });
}

function requireActor(ctx: AppContext): TaskActor {
  return { user: requireUser(ctx), ability: requireAbility(ctx) };
}
