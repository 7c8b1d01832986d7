import { ForbiddenError } from '@casl/ability';
import type { Knex } from 'knex';
import { whereAllowedRows } from '../../platform/db/app.model';
import { NotFoundError } from '../../platform/errors/app-errors';
import type { AuthenticatedUser } from '../../platform/http/app-context';
import { createLogger } from '../../platform/logging/logger';
import type { AppAbility } from '../../platform/permissions/ability';
import type { ProcessRuntime } from '../../runtime/process-runtime';
import { ProcessDefinition } from './process-definition.model';

const log = createLogger('server:process-definitions');

/** A deployed version of a process definition, without its XML. */
export interface DefinitionItem {
  id: number;
  key: string;
  version: number;
  name: string;
  /** SHA-256 of the XML, in hex. */
  checksum: string;
  deployedAt: Date;
  deployedBy: { id: number; name: string } | null;
  /** How many versions of the key are deployed. */
  versionCount: number;
}

/** The outcome of a deploy: the version, and whether it is new or the unchanged latest. */
export interface DeployResult {
  definition: DefinitionItem;
  created: boolean;
}

/** The XML of one version, for download. */
export interface DefinitionXml {
  key: string;
  version: number;
  xml: string;
}

/** Lists the latest version of every process key, by key. */
export async function listLatestDefinitions(
  knex: Knex,
  ability: AppAbility,
): Promise<{ items: DefinitionItem[] }> {
  ForbiddenError.from(ability).throwUnlessCan('read', 'ProcessDefinition');
  const definitions = await readableDefinitions(knex, ability)
    .distinctOn('d.key')
    .orderBy([{ column: 'd.key' }, { column: 'd.version', order: 'desc' }]);
  return { items: definitions.map(toDefinitionItem) };
}

/** Lists every version of `key`, newest first; 404 when no version is deployed. */
export async function listDefinitionVersions(
  knex: Knex,
  ability: AppAbility,
  key: string,
): Promise<{ items: DefinitionItem[] }> {
  ForbiddenError.from(ability).throwUnlessCan('read', 'ProcessDefinition');
  const definitions = await readableDefinitions(knex, ability)
    .where('d.key', key)
    .orderBy('d.version', 'desc');
  if (definitions.length === 0) throw new NotFoundError('Process definition', key);
  return { items: definitions.map(toDefinitionItem) };
}

/** Loads the XML of one version; 404 when that version does not exist. */
export async function getDefinitionXml(
  knex: Knex,
  ability: AppAbility,
  key: string,
  version: number,
): Promise<DefinitionXml> {
  ForbiddenError.from(ability).throwUnlessCan('read', 'ProcessDefinition');
  const definition = await whereAllowedRows(
    ProcessDefinition.query(knex),
    ability,
    'read',
    'ProcessDefinition',
  )
    .findOne({ 'process_definitions.key': key, 'process_definitions.version': version })
    .select('process_definitions.xml');
  if (!definition) throw new NotFoundError('Process definition', `${key} version ${version}`);
  return { key, version, xml: definition.xml };
}

/**
 * Validates and stores `xml` as the next version of its key. The runtime rejects a definition
 * that breaks a rule with 422 and its problems; deploying the latest XML again adds nothing.
 */
export async function deployDefinition(
  deps: { knex: Knex; runtime: ProcessRuntime },
  user: AuthenticatedUser,
  ability: AppAbility,
  xml: string,
): Promise<DeployResult> {
  ForbiddenError.from(ability).throwUnlessCan('deploy', 'ProcessDefinition');

  // For identical XML the runtime returns the latest version unchanged. A returned row with
  // an id up to this one existed before the request, so the deploy added nothing.
  const newestBefore = await newestDefinitionId(deps.knex);
  const deployed = await deps.runtime.deployDefinition(xml, { userId: user.id });
  const versions = await listDefinitionVersions(deps.knex, ability, deployed.key);
  const definition = versions.items.find((item) => item.id === deployed.id);
  if (!definition) throw new NotFoundError('Process definition', deployed.key);

  const created = deployed.id > newestBefore;
  log.info({ key: deployed.key, version: deployed.version, userId: user.id, created }, 'deployed');
  return { definition, created };
}

// helpers

/** A definition selected with its deployer's name and the number of versions of its key. */
type DefinitionSummary = ProcessDefinition & {
  deployerName: string | null;
  versionCount: number | string;
};

async function newestDefinitionId(knex: Knex): Promise<number> {
  const newest = (await ProcessDefinition.query(knex).max('id as id').first()) as
    { id: number | null } | undefined;
  return newest?.id ?? 0;
}

// Starts a query of the readable versions (alias `d`) and their deployers, without the XML.
function readableDefinitions(knex: Knex, ability: AppAbility) {
  const versionCount = ProcessDefinition.query(knex)
    .alias('other')
    .whereColumn('other.key', 'd.key')
    .count('*')
    .as('version_count');

  const definitions = ProcessDefinition.query(knex).alias('d');
  return whereAllowedRows(definitions, ability, 'read', 'ProcessDefinition')
    .modify('summary')
    .leftJoinRelated('deployer')
    .select('deployer.name as deployer_name', versionCount)
    .castTo<DefinitionSummary[]>();
}

function toDefinitionItem(definition: DefinitionSummary): DefinitionItem {
  const { id, key, version, name, checksum, deployedAt, deployedBy } = definition;
  return {
    id,
    key,
    version,
    name,
    checksum,
    deployedAt,
    deployedBy:
      deployedBy === null ? null : { id: deployedBy, name: definition.deployerName ?? '' },
    versionCount: Number(definition.versionCount),
  };
}
