import type { Knex } from 'knex';
import { createEngine } from './engine-factory';
import { EngineEffects } from './engine-effects';
import { EngineRunError } from './runtime.errors';

/** A definition as the engine loads it: its state before execution, as JSON text. */
interface CompiledDefinition {
  blankState: string;
  /** The serialized process that saved instance states leave out. */
  source: string;
}

/** The parts of a saved bpmn-engine state this module reads. */
export interface EngineState {
  definitions: { id: string; source?: string }[];
  [key: string]: unknown;
}

// Deployed versions never change, so a compiled definition can be cached for good. Ids are only
// unique within one database, hence one cache per knex instance.
const caches = new WeakMap<Knex, Map<number, CompiledDefinition>>();

/** Compiles BPMN XML into the blank engine state stored with a definition version. */
export async function compileDefinition(xml: string): Promise<string> {
  const engine = createEngine(new EngineEffects(), () => null, xml);
  return JSON.stringify(await engine.getState());
}

/**
 * Returns a fresh copy of the blank state of definition `definitionId`, to start an instance.
 * `knex` names the database (the cache key) and `trx` runs the query, since PGlite's single
 * connection is busy with the transaction.
 */
export async function loadBlankState(
  knex: Knex,
  trx: Knex.Transaction,
  definitionId: number,
): Promise<EngineState> {
  const compiled = await loadCompiled(knex, trx, definitionId);
  return JSON.parse(compiled.blankState) as EngineState;
}

/** Puts the serialized process back into a saved state so the engine can recover it. */
export async function withSource(
  knex: Knex,
  trx: Knex.Transaction,
  definitionId: number,
  state: EngineState,
): Promise<EngineState> {
  const { source } = await loadCompiled(knex, trx, definitionId);
  return {
    ...state,
    definitions: state.definitions.map((definition) => ({ ...definition, source })),
  };
}

/** Returns `state` without the serialized process, which the definition row already holds. */
export function withoutSource(state: EngineState): EngineState {
  return {
    ...state,
    definitions: state.definitions.map(({ source: _source, ...definition }) => definition),
  };
}

async function loadCompiled(
  knex: Knex,
  trx: Knex.Transaction,
  definitionId: number,
): Promise<CompiledDefinition> {
  const cache = caches.get(knex) ?? new Map<number, CompiledDefinition>();
  caches.set(knex, cache);
  const cached = cache.get(definitionId);
  if (cached) return cached;

  const row = (await trx('process_definitions')
    .where({ id: definitionId })
    .first('xml', 'compiled_state')) as { xml: string; compiled_state: string | null } | undefined;
  if (!row) throw new EngineRunError(`Process definition ${definitionId} is missing.`, null);

  const blankState = row.compiled_state ?? (await compileDefinition(row.xml));
  const source = (JSON.parse(blankState) as EngineState).definitions[0]?.source;
  if (!source) throw new EngineRunError(`Definition ${definitionId} compiled to no process.`, null);

  const compiled = { blankState, source };
  cache.set(definitionId, compiled);
  return compiled;
}
