import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { NotFoundError } from '../platform/errors/app-errors';
import { createLogger } from '../platform/logging/logger';
import { compileDefinition } from './compiled-definitions';
import { validateDefinition } from './definition/validate-definition';
import type { CommandActor, DeployedDefinition } from './process-runtime';
import { DefinitionRejectedError } from './runtime.errors';

const log = createLogger('engine:definitions');

/** A stored definition version with its XML. */
export interface DefinitionRow {
  id: number;
  key: string;
  version: number;
  name: string;
  xml: string;
  checksum: string;
  deployed_at: Date;
}

/**
 * Validates `xml` and stores it as the next version of its process key. Deploying the same XML
 * as the latest version returns that version instead of adding an identical one.
 */
export async function deployDefinition(
  knex: Knex,
  xml: string,
  actor: CommandActor,
  knownPlugins: ReadonlySet<string>,
): Promise<DeployedDefinition> {
  const validated = await validateDefinition(xml, { knownPlugins });
  if (validated.problems.length > 0) throw new DefinitionRejectedError(validated.problems);

  const checksum = createHash('sha256').update(xml).digest('hex');
  const compiledState = await compileDefinition(xml).catch((error: Error) => {
    throw new DefinitionRejectedError([
      {
        elementId: null,
        rule: 'engine-load',
        message: `bpmn-engine cannot load it: ${error.message}`,
      },
    ]);
  });
  return knex.transaction(async (trx) => {
    // Serialises deployments of one key, so two deploys cannot both take the same version.
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`definition:${validated.key}`]);
    const latest = await findLatest(trx, validated.key);
    if (latest?.checksum === checksum) return toDeployed(latest);

    const [row] = (await trx('process_definitions')
      .insert({
        key: validated.key,
        version: (latest?.version ?? 0) + 1,
        name: validated.name || validated.key,
        xml,
        checksum,
        compiled_state: compiledState,
        deployed_by: actor.userId,
      })
      .returning('*')) as DefinitionRow[];
    log.info({ key: row.key, version: row.version }, 'definition deployed');
    return toDeployed(row);
  });
}

/** Returns the latest version of `key`, or throws NotFoundError. */
export async function loadLatestDefinition(knex: Knex, key: string): Promise<DefinitionRow> {
  const row = await findLatest(knex, key);
  if (!row) throw new NotFoundError('Process definition', key);
  return row;
}

async function findLatest(knex: Knex, key: string): Promise<DefinitionRow | undefined> {
  return (await knex('process_definitions').where({ key }).orderBy('version', 'desc').first()) as
    DefinitionRow | undefined;
}

function toDeployed(row: DefinitionRow): DeployedDefinition {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    deployedAt: row.deployed_at,
  };
}
