import type { ModdleElement } from 'bpmn-moddle';
import {
  describeElement,
  isInstanceOf,
  nearestId,
  problem,
  type DefinitionProblem,
} from './definition-problem';
import { checkEventDefinitions } from './event-rules';

/** Result of the element walk: the flow elements to check further, and the rejections. */
export interface ElementWalk {
  /** Every flow element in every process, including ones nested in rejected sub-processes. */
  flowElements: ModdleElement[];
  problems: DefinitionProblem[];
  warnings: string[];
}

// The elements Stageflow runs, and the artefacts that carry no behaviour. Event definitions are
// checked per event by checkEventDefinitions.
const SUPPORTED_TYPES = new Set([
  'bpmn:Process',
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:InclusiveGateway',
  'bpmn:IntermediateCatchEvent',
  'bpmn:BoundaryEvent',
  'bpmn:SequenceFlow',
  'bpmn:Expression',
  'bpmn:FormalExpression',
]);

const ARTIFACT_TYPES = new Set([
  'bpmn:TextAnnotation',
  'bpmn:Association',
  'bpmn:Group',
  'bpmn:Category',
  'bpmn:CategoryValue',
  'bpmn:LaneSet',
  'bpmn:Lane',
  'bpmn:Documentation',
  'bpmn:Collaboration',
  'bpmn:Participant',
]);

const EXTENSION_TYPES = new Set(['sf:Form', 'sf:FormField']);

/** The elements a definition may use, as messages list them. */
export const SUPPORTED_ELEMENTS =
  'none start events, none or terminate end events, user tasks, service tasks, exclusive, ' +
  'parallel and inclusive gateways, timer catch and boundary events, and sequence flows';

/**
 * Walks every root element of `definitions` and rejects script tasks and every element outside
 * the allow-list, naming its type. Foreign extension elements are ignored with a warning.
 */
export function walkDefinitions(definitions: ModdleElement): ElementWalk {
  const walk: ElementWalk = { flowElements: [], problems: [], warnings: [] };
  const ignoredExtensions = new Map<string, number>();

  for (const root of childrenOf(definitions, 'rootElements')) visit(root, walk, ignoredExtensions);

  for (const [type, count] of ignoredExtensions) {
    walk.warnings.push(
      `Ignored ${count} extension element(s) <${type}>: Stageflow does not read them.`,
    );
  }
  return walk;
}

// helpers

function visit(element: ModdleElement, walk: ElementWalk, ignored: Map<string, number>): void {
  if (isInstanceOf(element, 'bpmn:FlowElement')) walk.flowElements.push(element);

  if (element.$type === 'bpmn:ExtensionElements') {
    countForeignExtensions(element, ignored);
  } else if (element.$type === 'bpmn:ScriptTask') {
    walk.problems.push(rejectScriptTask(element));
  } else if (isSupported(element)) {
    if (isInstanceOf(element, 'bpmn:Event')) walk.problems.push(...checkEventDefinitions(element));
    visitChildren(element, walk, ignored);
  } else {
    walk.problems.push(rejectUnsupported(element));
    // Still look inside containers, so a script task in a sub-process is reported too.
    for (const child of childrenOf(element, 'flowElements')) visit(child, walk, ignored);
  }
}

// checkEventDefinitions judges the definitions of an event together with the event type, so
// they pass here.
function isSupported(element: ModdleElement): boolean {
  const type = element.$type;
  return SUPPORTED_TYPES.has(type) || ARTIFACT_TYPES.has(type) || isEventDefinitionOfEvent(element);
}

function visitChildren(element: ModdleElement, walk: ElementWalk, ignored: Map<string, number>) {
  for (const child of containedElements(element)) visit(child, walk, ignored);
}

function countForeignExtensions(container: ModdleElement, ignored: Map<string, number>): void {
  for (const extension of childrenOf(container, 'values')) {
    if (!EXTENSION_TYPES.has(extension.$type)) {
      ignored.set(extension.$type, (ignored.get(extension.$type) ?? 0) + 1);
    }
  }
}

function rejectScriptTask(task: ModdleElement): DefinitionProblem {
  return problem(
    'script-task',
    nearestId(task),
    `${describeElement(task)} is a script task. bpmn-engine runs scripts in node:vm, which is ` +
      'not a sandbox, so a script could reach the whole server. Replace it with a service task ' +
      'whose sf:plugin names a plugin that does the work.',
  );
}

function rejectUnsupported(element: ModdleElement): DefinitionProblem {
  return problem(
    'unsupported-element',
    nearestId(element),
    `${describeElement(element)} is not supported. ${hintFor(element.$type)}`,
  );
}

function hintFor(type: string): string {
  if (/SubProcess|Transaction/.test(type)) return 'Model its steps in the process itself.';
  if (type === 'bpmn:CallActivity') return 'Copy the called steps into this process.';
  if (/Task$/.test(type)) {
    return 'Use a user task for work done by people, or a service task with sf:plugin.';
  }
  if (/Gateway$/.test(type)) return 'Use an exclusive gateway with conditions instead.';
  if (/LoopCharacteristics$/.test(type)) return 'Remove it and loop back through a gateway.';
  if (/Data|InputOutput|Property|Assignment/.test(type)) {
    return 'Remove it; pass data through form fields and process variables.';
  }
  return `Remove it. Stageflow runs ${SUPPORTED_ELEMENTS}.`;
}

function isEventDefinitionOfEvent(element: ModdleElement): boolean {
  const parent = element.$parent;
  return (
    isInstanceOf(element, 'bpmn:EventDefinition') &&
    parent != null &&
    isInstanceOf(parent, 'bpmn:Event')
  );
}

/** Returns the elements `element` contains, skipping references such as sourceRef or default. */
function containedElements(element: ModdleElement): ModdleElement[] {
  const children: ModdleElement[] = [];

  for (const [key, value] of Object.entries(element)) {
    if (key.startsWith('$')) continue;

    for (const candidate of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (isModdleElement(candidate) && candidate.$parent === element) children.push(candidate);
    }
  }
  return children;
}

function childrenOf(element: ModdleElement, property: string): ModdleElement[] {
  const value = element[property];
  return Array.isArray(value) ? (value as unknown[]).filter(isModdleElement) : [];
}

function isModdleElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' && value != null && typeof (value as ModdleElement).$type === 'string'
  );
}
