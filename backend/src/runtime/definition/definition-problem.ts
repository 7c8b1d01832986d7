import type { ModdleElement } from 'bpmn-moddle';

/** Every rule a definition can break; stable, so clients and tests can match on them. */
export const DEFINITION_RULES = [
  'oversized',
  'malformed-xml',
  'external-entity',
  'no-executable-process',
  'script-task',
  'script-condition',
  'unsupported-element',
  'converging-inclusive-gateway',
  'implicit-split',
  'missing-candidate-role',
  'unknown-candidate-role',
  'invalid-scope',
  'missing-plugin',
  'unknown-plugin',
  'invalid-timer',
  'invalid-form-field',
  'missing-condition',
] as const;

/** One of {@link DEFINITION_RULES}. */
export type DefinitionRule = (typeof DEFINITION_RULES)[number];

/** A reason a definition cannot be deployed. */
export interface DefinitionProblem {
  /** Id of the offending element, or null when the problem concerns the whole file. */
  elementId: string | null;
  rule: DefinitionRule;
  /** Explanation that names the element and the change to make. */
  message: string;
}

/** Creates a problem. */
export function problem(
  rule: DefinitionRule,
  elementId: string | null,
  message: string,
): DefinitionProblem {
  return { elementId, rule, message };
}

/** Returns the id of `element`, or of its nearest ancestor that has one. */
export function nearestId(element: ModdleElement | undefined): string | null {
  for (let current = element; current != null; current = current.$parent) {
    if (typeof current.id === 'string' && current.id !== '') return current.id;
  }
  return null;
}

/** Describes an element for a message, such as `bpmn:UserTask 'review'`. */
export function describeElement(element: ModdleElement): string {
  const id = nearestId(element);
  if (id == null) return element.$type;
  return id === element.id ? `${element.$type} '${id}'` : `${element.$type} in '${id}'`;
}

/** Whether `element` is of `type` directly or by inheritance, as a user task is a bpmn:FlowNode. */
export function isInstanceOf(element: ModdleElement, type: string): boolean {
  const check = element.$instanceOf as ((type: string) => boolean) | undefined;
  return typeof check === 'function' ? check.call(element, type) : element.$type === type;
}
