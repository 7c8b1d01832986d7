import type { ModdleElement } from 'bpmn-moddle';
import {
  isWrappedExpression,
  parseConditionExpression,
  SUPPORTED_CONDITION_FORMS,
} from './condition-expression';
import {
  describeElement,
  isInstanceOf,
  nearestId,
  problem,
  type DefinitionProblem,
} from './definition-problem';

/** The sequence flows entering and leaving each flow node, keyed by node. */
interface FlowGraph {
  incoming: Map<ModdleElement, ModdleElement[]>;
  outgoing: Map<ModdleElement, ModdleElement[]>;
}

const CONDITIONAL_GATEWAYS = new Set(['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway']);

/**
 * Checks sequence flows: conditions must be plain `${...}` expressions, conditional gateways
 * need a condition on every flow but the default, only gateways may split, and inclusive
 * gateways may not join.
 */
export function checkFlows(flowElements: ModdleElement[]): DefinitionProblem[] {
  const flows = flowElements.filter((element) => element.$type === 'bpmn:SequenceFlow');
  const graph = buildGraph(flows);
  const nodes = flowElements.filter((element) => isInstanceOf(element, 'bpmn:FlowNode'));

  return [
    ...flows.flatMap(checkCondition),
    ...nodes.flatMap((node) => checkOutgoing(node, graph.outgoing.get(node) ?? [])),
    ...nodes.flatMap((node) => checkInclusiveJoin(node, graph.incoming.get(node) ?? [])),
  ];
}

// helpers

// Built from sourceRef and targetRef, which bpmn-engine follows, rather than from the optional
// <bpmn:incoming> and <bpmn:outgoing> children, which modelers may leave out.
function buildGraph(flows: ModdleElement[]): FlowGraph {
  const graph: FlowGraph = { incoming: new Map(), outgoing: new Map() };

  for (const flow of flows) {
    addTo(graph.outgoing, flow.sourceRef as ModdleElement | undefined, flow);
    addTo(graph.incoming, flow.targetRef as ModdleElement | undefined, flow);
  }
  return graph;
}

function addTo(
  map: Map<ModdleElement, ModdleElement[]>,
  node: ModdleElement | undefined,
  flow: ModdleElement,
) {
  if (node == null) return;
  map.set(node, [...(map.get(node) ?? []), flow]);
}

function checkCondition(flow: ModdleElement): DefinitionProblem[] {
  const condition = flow.conditionExpression as ModdleElement | undefined;
  if (condition == null) return [];

  const language = typeof condition.language === 'string' ? condition.language : null;
  const body = typeof condition.body === 'string' ? condition.body : '';
  const reason = rejectionReason(language, body);
  if (reason == null) return [];

  return [
    problem(
      'script-condition',
      nearestId(flow),
      `The condition of ${describeElement(flow)} ${reason} ` +
        `Write it as ${SUPPORTED_CONDITION_FORMS}, with no language attribute.`,
    ),
  ];
}

function rejectionReason(language: string | null, body: string): string | null {
  const scriptRisk = 'bpmn-engine runs scripts in node:vm, which is not a sandbox';
  const text = body.trim();

  if (language != null)
    return `declares language '${language}', so it is a script, and ${scriptRisk}.`;
  if (text === '') return 'is empty, which bpmn-engine stops on at run time.';
  if (!isWrappedExpression(text)) {
    return (
      `is '${text}', which is not a \${...} expression. Stageflow runs no scripts, because ` +
      `${scriptRisk}, and as plain text the condition would always hold.`
    );
  }
  if (parseConditionExpression(text) == null)
    return `is '${text}', which is not a form the runtime evaluates.`;
  return null;
}

function checkOutgoing(node: ModdleElement, outgoing: ModdleElement[]): DefinitionProblem[] {
  if (isInstanceOf(node, 'bpmn:Gateway')) {
    return CONDITIONAL_GATEWAYS.has(node.$type) ? checkGatewayConditions(node, outgoing) : [];
  }
  if (outgoing.length <= 1) return [];

  return [
    problem(
      'implicit-split',
      nearestId(node),
      `${describeElement(node)} has ${outgoing.length} outgoing flows (${listIds(outgoing)}). ` +
        'bpmn-engine takes every one of them whose condition holds, which starts parallel ' +
        'branches without a join. Route them through an exclusive or parallel gateway.',
    ),
  ];
}

function checkGatewayConditions(
  gateway: ModdleElement,
  outgoing: ModdleElement[],
): DefinitionProblem[] {
  if (outgoing.length <= 1) return [];

  const defaultFlow = gateway.default as ModdleElement | undefined;
  const unconditioned = outgoing.filter(
    (flow) => flow !== defaultFlow && flow.conditionExpression == null,
  );

  return unconditioned.map((flow) =>
    problem(
      'missing-condition',
      nearestId(gateway),
      `${describeElement(gateway)} has ${outgoing.length} outgoing flows, but flow ` +
        `'${String(flow.id)}' has no condition and is not the default flow. Add a condition ` +
        "to it, or make it the gateway's default flow.",
    ),
  );
}

function checkInclusiveJoin(node: ModdleElement, incoming: ModdleElement[]): DefinitionProblem[] {
  if (node.$type !== 'bpmn:InclusiveGateway' || incoming.length <= 1) return [];

  return [
    problem(
      'converging-inclusive-gateway',
      nearestId(node),
      `${describeElement(node)} has ${incoming.length} incoming flows (${listIds(incoming)}). ` +
        'bpmn-engine joins only at parallel gateways, so it would continue once for each ' +
        'arriving branch. Merge with an exclusive gateway, or join with a parallel gateway when ' +
        'every branch always runs.',
    ),
  ];
}

function listIds(elements: ModdleElement[]): string {
  return elements.map((element) => String(element.id)).join(', ');
}
