import type { ModdleElement } from 'bpmn-moddle';
import {
  allowedScopesFor,
  CANDIDATE_ROLES,
  defaultScopeFor,
  isCandidateRole,
  isScope,
  SCOPES,
  type CandidateRole,
} from './candidate-roles';
import { describeElement, nearestId, problem, type DefinitionProblem } from './definition-problem';
import { checkFormFields } from './form-rules';
import { readAttribute, readServiceTaskSpec, readUserTaskSpec } from './task-spec';

/**
 * Checks who may claim each user task (sf:candidateRole and sf:scope), its form, and that each
 * service task names an installed plugin (sf:plugin).
 */
export function checkTasks(
  flowElements: ModdleElement[],
  knownPlugins: ReadonlySet<string>,
): DefinitionProblem[] {
  return flowElements.flatMap((element) => {
    if (element.$type === 'bpmn:UserTask') return checkUserTask(element);
    if (element.$type === 'bpmn:ServiceTask') return checkServiceTask(element, knownPlugins);
    return [];
  });
}

// helpers

function checkUserTask(task: ModdleElement): DefinitionProblem[] {
  const spec = readUserTaskSpec(task);
  return [...checkCandidates(task, spec.candidateRole), ...checkFormFields(task, spec.form)];
}

function checkCandidates(task: ModdleElement, role: string | null): DefinitionProblem[] {
  const id = nearestId(task);
  const roles = CANDIDATE_ROLES.join(', ');

  if (role == null) {
    const message = `${describeElement(task)} has no sf:candidateRole. Set it to one of: ${roles}.`;
    return [problem('missing-candidate-role', id, message)];
  }
  if (!isCandidateRole(role)) {
    const message =
      `${describeElement(task)} has sf:candidateRole '${role}', which is not a role. ` +
      `Use one of: ${roles}.`;
    return [problem('unknown-candidate-role', id, message)];
  }

  const scopeProblem = checkScope(task, role, readAttribute(task, 'scope'));
  return scopeProblem == null ? [] : [problem('invalid-scope', id, scopeProblem)];
}

/** Returns what is wrong with the scope of a task for `role`, or null when it fits. */
function checkScope(task: ModdleElement, role: CandidateRole, scope: string | null): string | null {
  const allowed = allowedScopesFor(role);
  const subject = `${describeElement(task)} (sf:candidateRole '${role}')`;

  if (scope == null) {
    if (defaultScopeFor(role) != null || allowed.length === 0) return null;
    const choices = quoteAll(allowed);
    return `${subject} has no sf:scope, and the role has no default. Set it to ${choices}.`;
  }
  if (allowed.length === 0) {
    return `${subject} takes no sf:scope, but declares '${scope}'. Remove sf:scope.`;
  }
  if ((allowed as readonly string[]).includes(scope)) return null;

  const known = isScope(scope) ? '' : ` (the scopes are ${quoteAll(SCOPES)})`;
  return (
    `${subject} has sf:scope '${scope}'${known}, which does not fit the role. ` +
    `Set it to ${quoteAll(allowed)}.`
  );
}

function checkServiceTask(
  task: ModdleElement,
  knownPlugins: ReadonlySet<string>,
): DefinitionProblem[] {
  const { plugin } = readServiceTaskSpec(task);
  const id = nearestId(task);
  const installed =
    knownPlugins.size === 0
      ? 'No plugins are installed.'
      : `Installed plugins: ${[...knownPlugins].join(', ')}.`;

  if (plugin == null) {
    const message =
      `${describeElement(task)} has no sf:plugin. Set it to the plugin that runs the task. ` +
      installed;
    return [problem('missing-plugin', id, message)];
  }
  if (!knownPlugins.has(plugin)) {
    const message =
      `${describeElement(task)} has sf:plugin '${plugin}', which is not installed. ` +
      `Install it, or use another plugin. ${installed}`;
    return [problem('unknown-plugin', id, message)];
  }
  return [];
}

function quoteAll(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  return quoted.length <= 1
    ? quoted.join('')
    : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
