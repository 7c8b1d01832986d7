import type { ModdleElement } from 'bpmn-moddle';
import { describeElement, nearestId, problem, type DefinitionProblem } from './definition-problem';

interface EventPolicy {
  /** Whether the event may carry exactly these event definition types. */
  accepts(types: string[]): boolean;
  /** Change the message asks for. */
  fix: string;
}

const TIMER = 'bpmn:TimerEventDefinition';

const TIMER_ONLY: EventPolicy = {
  accepts: (types) => types.length === 1 && types[0] === TIMER,
  fix: 'Give it exactly one timer event definition, or remove it.',
};

const EVENT_POLICIES: Record<string, EventPolicy> = {
  'bpmn:StartEvent': {
    accepts: (types) => types.length === 0,
    fix: 'Remove its event definition: a stage process starts from a none start event.',
  },
  'bpmn:EndEvent': {
    accepts: (types) =>
      types.length === 0 || (types.length === 1 && types[0] === 'bpmn:TerminateEventDefinition'),
    fix: 'Use a none or terminate end event.',
  },
  'bpmn:IntermediateCatchEvent': TIMER_ONLY,
  'bpmn:BoundaryEvent': TIMER_ONLY,
};

/**
 * Checks the event definitions of an event against what Stageflow runs: none start events, none
 * or terminate end events, and timer catch and boundary events. Message, signal, error,
 * escalation, compensation, conditional and link events are rejected as unsupported-element.
 */
export function checkEventDefinitions(event: ModdleElement): DefinitionProblem[] {
  const policy = EVENT_POLICIES[event.$type];
  // Other event types (such as intermediate throw events) are rejected by the element walk.
  if (policy == null) return [];

  const types = eventDefinitionsOf(event).map((definition) => definition.$type);
  if (policy.accepts(types)) return [];

  const found = types.length === 0 ? 'no event definition' : types.join(' and ');
  return [
    problem(
      'unsupported-element',
      nearestId(event),
      `${describeElement(event)} with ${found} is not supported. ${policy.fix}`,
    ),
  ];
}

/** Returns the event definitions an event contains or references. */
export function eventDefinitionsOf(event: ModdleElement): ModdleElement[] {
  return [...listOf(event.eventDefinitions), ...listOf(event.eventDefinitionRef)];
}

function listOf(value: unknown): ModdleElement[] {
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}
