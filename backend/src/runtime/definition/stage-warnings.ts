import type { ModdleElement } from 'bpmn-moddle';
import { describeElement, isInstanceOf } from './definition-problem';
import {
  readAttribute,
  readFormFields,
  readPhase,
  readStageStatus,
  STAGE_OUTCOMES,
  STAGE_PHASES,
} from './task-spec';

/**
 * Lists Stageflow attributes that deploy but probably do not do what was meant: an unknown
 * sf:phase or sf:stageStatus, a form outside a user task, or a service task implementation.
 */
export function collectStageWarnings(flowElements: ModdleElement[]): string[] {
  return flowElements
    .filter((element) => isInstanceOf(element, 'bpmn:FlowNode'))
    .flatMap((node) => [
      ...warnUnknownValue(node, 'sf:phase', readPhase(node), STAGE_PHASES),
      ...warnUnknownValue(node, 'sf:stageStatus', readStageStatus(node), STAGE_OUTCOMES),
      ...warnMisplacedForm(node),
      ...warnImplementation(node),
    ]);
}

// helpers

function warnUnknownValue(
  node: ModdleElement,
  attribute: string,
  value: string | null,
  known: readonly string[],
): string[] {
  if (value == null || known.includes(value)) return [];
  return [
    `${describeElement(node)} has ${attribute} '${value}'; expected one of: ${known.join(', ')}.`,
  ];
}

function warnMisplacedForm(node: ModdleElement): string[] {
  if (node.$type === 'bpmn:UserTask' || readFormFields(node).length === 0) return [];
  return [`${describeElement(node)} has an sf:form, which only user tasks show; it is ignored.`];
}

function warnImplementation(node: ModdleElement): string[] {
  const implementation = readAttribute(node, 'implementation');
  if (node.$type !== 'bpmn:ServiceTask' || implementation == null) return [];
  // '##WebService' is the value BPMN 2.0 assumes when the attribute is absent.
  if (implementation === '##WebService') return [];

  return [
    `${describeElement(node)} sets implementation '${implementation}'. Stageflow picks the ` +
      'handler by sf:plugin; remove the implementation attribute.',
  ];
}
