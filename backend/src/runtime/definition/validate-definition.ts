import type { ModdleElement } from 'bpmn-moddle';
import { createLogger } from '../../platform/logging/logger';
import { nearestId, problem, type DefinitionProblem } from './definition-problem';
import { parseDefinitionSource } from './definition-source';
import { walkDefinitions } from './element-rules';
import { checkFlows } from './flow-rules';
import { collectStageWarnings } from './stage-warnings';
import { checkTasks } from './task-rules';
import { checkTimers } from './timer-rules';

export { DEFINITION_RULES } from './definition-problem';
export type { DefinitionProblem, DefinitionRule } from './definition-problem';

/** Settings for {@link validateDefinition}. */
export interface ValidationOptions {
  /** Names of the registered plugins that service tasks may call through sf:plugin. */
  knownPlugins: ReadonlySet<string>;
  /** Largest accepted size in UTF-8 bytes, by default {@link DEFAULT_MAX_DEFINITION_BYTES}. */
  maxBytes?: number;
}

/** The verdict on a definition: deployable when `problems` is empty. */
export interface ValidatedDefinition {
  /** Id of the executable process, which becomes the definition key, or '' when unknown. */
  key: string;
  /** Name of the executable process, else its id, or '' when unknown. */
  name: string;
  problems: DefinitionProblem[];
  /** Things that deploy but may not do what was meant, such as ignored vendor extensions. */
  warnings: string[];
}

/** Default for {@link ValidationOptions.maxBytes}: 1 MiB. */
export const DEFAULT_MAX_DEFINITION_BYTES = 1024 * 1024;

const logger = createLogger('engine:definition');

/**
 * Checks a BPMN definition before deployment: size, DTDs, XML, exactly one executable process,
 * the allowed elements, flows, tasks, timers and forms. Returns problems instead of throwing, and
 * each problem states the change to make and names the element when there is one.
 */
export async function validateDefinition(
  xml: string,
  options: ValidationOptions,
): Promise<ValidatedDefinition> {
  const source = await parseDefinitionSource(xml, options.maxBytes ?? DEFAULT_MAX_DEFINITION_BYTES);
  if (source.definitions == null) {
    return { key: '', name: '', problems: source.problems, warnings: source.warnings };
  }

  try {
    return checkDefinitions(source.definitions, options, source.problems, source.warnings);
  } catch (error) {
    // A rule met a shape of moddle tree it did not expect. Reject rather than deploy unchecked.
    logger.error({ err: error }, 'definition validation failed on an unexpected element');
    const message = 'The definition could not be checked. Export it again from the modeler.';
    return { key: '', name: '', problems: [problem('malformed-xml', null, message)], warnings: [] };
  }
}

// helpers

function checkDefinitions(
  definitions: ModdleElement,
  options: ValidationOptions,
  sourceProblems: DefinitionProblem[],
  sourceWarnings: string[],
): ValidatedDefinition {
  const { process, problems: processProblems } = findExecutableProcess(definitions);
  const walk = walkDefinitions(definitions);

  const problems = [
    ...sourceProblems,
    ...processProblems,
    ...walk.problems,
    ...checkFlows(walk.flowElements),
    ...checkTasks(walk.flowElements, options.knownPlugins),
    ...checkTimers(walk.flowElements),
  ];
  const warnings = [
    ...sourceWarnings,
    ...walk.warnings,
    ...collectStageWarnings(walk.flowElements),
  ];

  const key = typeof process?.id === 'string' ? process.id : '';
  const name =
    typeof process?.name === 'string' && process.name.trim() !== '' ? process.name.trim() : key;
  return { key, name, problems, warnings };
}

function findExecutableProcess(definitions: ModdleElement): {
  process: ModdleElement | null;
  problems: DefinitionProblem[];
} {
  const processes = rootElementsOf(definitions).filter((root) => root.$type === 'bpmn:Process');
  const executable = processes.filter((candidate) => candidate.isExecutable === true);

  if (executable.length === 1) {
    const [process] = executable;
    if (typeof process.id === 'string' && process.id !== '') return { process, problems: [] };
    const message = 'The executable process has no id. Add one: it becomes the definition key.';
    return { process: null, problems: [problem('no-executable-process', null, message)] };
  }

  return { process: null, problems: [describeExecutableCount(processes, executable)] };
}

function describeExecutableCount(
  processes: ModdleElement[],
  executable: ModdleElement[],
): DefinitionProblem {
  const ids = (list: ModdleElement[]) =>
    list.map((process) => `'${String(process.id)}'`).join(', ');

  if (executable.length > 1) {
    return problem(
      'no-executable-process',
      null,
      `Found ${executable.length} executable processes (${ids(executable)}). Keep ` +
        'isExecutable="true" on the one process to run, and set it to false on the others.',
    );
  }

  const found =
    processes.length === 0
      ? 'no process at all'
      : `only non-executable processes (${ids(processes)})`;
  const elementId = processes.length === 1 ? nearestId(processes[0]) : null;
  return problem(
    'no-executable-process',
    elementId,
    `Found ${found}. Set isExecutable="true" on the process Stageflow should run.`,
  );
}

function rootElementsOf(definitions: ModdleElement): ModdleElement[] {
  const roots = definitions.rootElements;
  return Array.isArray(roots) ? (roots as ModdleElement[]) : [];
}
