import { ForbiddenError } from '@casl/ability';
import type { Knex } from 'knex';
import { NotFoundError } from '../../platform/errors/app-errors';
import type { AuthenticatedUser } from '../../platform/http/app-context';
import { createLogger } from '../../platform/logging/logger';
import type { AppAbility } from '../../platform/permissions/ability';
import { whereAllowed } from '../../platform/permissions/sql-filter';
import type { ProcessRuntime } from '../../runtime/process-runtime';

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
  const rows = (await readableDefinitions(knex, ability)
    .distinctOn('d.key')
    .orderBy([{ column: 'd.key' }, { column: 'd.version', order: 'desc' }])) as DefinitionRow[];
  return { items: rows.map(toDefinitionItem) };
}

/** Lists every version of `key`, newest first; 404 when no version is deployed. */
export async function listDefinitionVersions(
  knex: Knex,
  ability: AppAbility,
  key: string,
): Promise<{ items: DefinitionItem[] }> {
  ForbiddenError.from(ability).throwUnlessCan('read', 'ProcessDefinition');
  const rows = (await readableDefinitions(knex, ability)
    .where('d.key', key)
    .orderBy('d.version', 'desc')) as DefinitionRow[];
  if (rows.length === 0) throw new NotFoundError('Process definition', key);
  return { items: rows.map(toDefinitionItem) };
}

/** Loads the XML of one version; 404 when that version does not exist. */
export async function getDefinitionXml(
  knex: Knex,
  ability: AppAbility,
  key: string,
  version: number,
): Promise<DefinitionXml> {
  ForbiddenError.from(ability).throwUnlessCan('read', 'ProcessDefinition');
  const row = (await whereAllowed(
    knex('process_definitions as d'),
    ability,
    'read',
    'ProcessDefinition',
    'd',
  )
    .where({ 'd.key': key, 'd.version': version })
    .first('d.xml')) as { xml: string } | undefined;
  if (!row) throw new NotFoundError('Process definition', `${key} version ${version}`);
  return { key, version, xml: row.xml };
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

interface DefinitionRow {
  id: number;
  key: string;
  version: number;
  name: string;
  checksum: string;
  deployed_at: Date;
  deployed_by: number | null;
  deployed_by_name: string | null;
  version_count: number | string;
}

async function newestDefinitionId(knex: Knex): Promise<number> {
  const row = (await knex('process_definitions').max({ id: 'id' }).first()) as
    { id: number | null } | undefined;
  return row?.id ?? 0;
}

function readableDefinitions(knex: Knex, ability: AppAbility): Knex.QueryBuilder {
  const versionCount = knex('process_definitions as other')
    .whereRaw('other.key = d.key')
    .count('*')
    .as('version_count');

  return whereAllowed(knex('process_definitions as d'), ability, 'read', 'ProcessDefinition', 'd')
    .leftJoin('users as u', 'u.id', 'd.deployed_by')
    .select(
      'd.id',
      'd.key',
      'd.version',
      'd.name',
      'd.checksum',
      'd.deployed_at',
      'd.deployed_by',
      'u.name as deployed_by_name',
      versionCount,
    );
}

function toDefinitionItem(row: DefinitionRow): DefinitionItem {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    checksum: row.checksum,
    deployedAt: row.deployed_at,
    deployedBy:
      row.deployed_by === null ? null : { id: row.deployed_by, name: row.deployed_by_name ?? '' },
    versionCount: Number(row.version_count),
  };
}
