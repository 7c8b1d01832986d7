import { ForbiddenError } from '@casl/ability';
import { requireAbility, requireUser } from '../../platform/auth/authenticate';
import type { AppRouter } from '../../platform/http/app-context';
import type { AppServices } from '../../services';
import {
  definitionKeyParamsSchema,
  definitionVersionParamsSchema,
  readDeployedXml,
} from './process-definitions.schemas';
import {
  deployDefinition,
  getDefinitionXml,
  listDefinitionVersions,
  listLatestDefinitions,
} from './process-definitions.service';

/**
 * Adds the process definition routes. Reading needs `read ProcessDefinition` (platform and
 * institution admins); deploying needs `deploy` (platform admins).
 */
export function registerDefinitionRoutes(router: AppRouter, services: AppServices): void {
  const { knex } = services.db;
  const deps = { knex, runtime: services.runtime };

  router.get('/process-definitions', async (ctx) => {
    ctx.body = await listLatestDefinitions(knex, requireAbility(ctx));
  });

  router.get('/process-definitions/:key/versions', async (ctx) => {
    const ability = requireAbility(ctx);
    const { key } = definitionKeyParamsSchema.parse(ctx.params);
    ctx.body = await listDefinitionVersions(knex, ability, key);
  });

  router.get('/process-definitions/:key/versions/:version/xml', async (ctx) => {
    const ability = requireAbility(ctx);
    const { key, version } = definitionVersionParamsSchema.parse(ctx.params);
    const definition = await getDefinitionXml(knex, ability, key, version);

    // attachment() guesses the type from the extension, which .bpmn does not have, so the
    // type is set after it.
    ctx.attachment(`${definition.key}-v${definition.version}.bpmn`, { type: 'inline' });
    ctx.type = 'application/xml';
    ctx.body = definition.xml;
  });

  router.post('/process-definitions', async (ctx) => {
    const user = requireUser(ctx);
    const ability = requireAbility(ctx);
    // Checked before the body too, so a user who may not deploy gets 403 whatever they send.
    ForbiddenError.from(ability).throwUnlessCan('deploy', 'ProcessDefinition');
    const xml = readDeployedXml(ctx.request.body);
    const { definition, created } = await deployDefinition(deps, user, ability, xml);

    ctx.status = created ? 201 : 200;
    ctx.set('Location', `/api/process-definitions/${encodeURIComponent(definition.key)}/versions`);
    ctx.body = definition;
  });
}
