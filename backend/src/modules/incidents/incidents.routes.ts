import { requireAbility, requireUser } from '../../platform/auth/authenticate';
import type { AppRouter } from '../../platform/http/app-context';
import type { AppServices } from '../../services';
import { incidentListQuerySchema, incidentParamsSchema } from './incidents.schemas';
import { listIncidents, retryIncident } from './incidents.service';

/**
 * Adds the incident routes. Listing: platform admins, and institution admins for the stages of
 * their institution. Retrying: platform admins (`retry Incident`).
 */
export function registerIncidentRoutes(router: AppRouter, services: AppServices): void {
  const { knex } = services.db;
  const deps = { knex, runtime: services.runtime };

  router.get('/incidents', async (ctx) => {
    const ability = requireAbility(ctx);
    const query = incidentListQuerySchema.parse(ctx.query);
    ctx.body = await listIncidents(knex, ability, query);
  });

  router.post('/incidents/:id/retry', async (ctx) => {
    const user = requireUser(ctx);
    const ability = requireAbility(ctx);
    const { id } = incidentParamsSchema.parse(ctx.params);
    ctx.body = await retryIncident(deps, user, ability, id);
  });
}
