import { requireAbility } from '../../platform/auth/authenticate';
import type { AppRouter } from '../../platform/http/app-context';
import type { AppServices } from '../../services';
import {
  campusQuerySchema,
  careUnitQuerySchema,
  institutionQuerySchema,
  programmeQuerySchema,
  studentQuerySchema,
} from './reference.schemas';
import {
  listCampuses,
  listCareUnits,
  listInstitutions,
  listProgrammes,
  listStudents,
} from './reference.service';

/**
 * Adds the reference lists. Institutions, campuses, care units and programmes: every signed-in
 * user. Students: users that the `read Student` rules allow (the student, their school).
 */
export function registerReferenceRoutes(router: AppRouter, services: AppServices): void {
  const knex = services.db.knex;

  router.get('/institutions', async (ctx) => {
    const ability = requireAbility(ctx);
    const query = institutionQuerySchema.parse(ctx.query);
    ctx.body = await listInstitutions(knex, ability, query);
  });

  router.get('/campuses', async (ctx) => {
    const ability = requireAbility(ctx);
    const query = campusQuerySchema.parse(ctx.query);
    ctx.body = await listCampuses(knex, ability, query);
  });

  router.get('/care-units', async (ctx) => {
    const ability = requireAbility(ctx);
    const query = careUnitQuerySchema.parse(ctx.query);
    ctx.body = await listCareUnits(knex, ability, query);
  });

  router.get('/programmes', async (ctx) => {
    const ability = requireAbility(ctx);
    const query = programmeQuerySchema.parse(ctx.query);
    ctx.body = await listProgrammes(knex, ability, query);
  });

  router.get('/students', async (ctx) => {
    const ability = requireAbility(ctx);
    const query = studentQuerySchema.parse(ctx.query);
    ctx.body = await listStudents(knex, ability, query);
  });
}
