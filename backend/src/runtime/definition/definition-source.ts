import BpmnModdle, { type ImportWarning, type ModdleElement } from 'bpmn-moddle';
import { moddleOptions } from '../moddle-extension';
import { describeElement, nearestId, problem, type DefinitionProblem } from './definition-problem';

/** The outcome of reading a definition's XML, before any BPMN rule runs. */
export interface ParsedSource {
  /** The bpmn:Definitions element, or null when the rules cannot run. */
  definitions: ModdleElement | null;
  problems: DefinitionProblem[];
  warnings: string[];
}

// A DTD can define entities that expand to gigabytes (billion laughs) or read local files and
// URLs (XXE). BPMN needs none, so any declaration is rejected before the parser reads the text.
const DTD_DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;

/**
 * Checks the size and DTD of `xml`, then parses it with bpmn-moddle and our extension.
 * Returns problems instead of throwing.
 */
export async function parseDefinitionSource(xml: string, maxBytes: number): Promise<ParsedSource> {
  const rejection = checkRawText(xml, maxBytes);
  if (rejection != null) return { definitions: null, problems: [rejection], warnings: [] };

  try {
    const { rootElement, warnings } = await new BpmnModdle(moddleOptions).fromXML(xml);
    return classifyResult(xml, rootElement, warnings);
  } catch (error) {
    // bpmn-moddle rejects the promise for text that is not XML or whose root is not
    // bpmn:definitions. The error's warnings give the position.
    return { definitions: null, problems: describeParseFailure(xml, error), warnings: [] };
  }
}

// helpers

function checkRawText(xml: unknown, maxBytes: number): DefinitionProblem | null {
  if (typeof xml !== 'string') {
    return problem(
      'malformed-xml',
      null,
      `Expected the definition as XML text, got ${typeof xml}.`,
    );
  }

  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > maxBytes) {
    return problem(
      'oversized',
      null,
      `The definition is ${bytes} bytes, over the limit of ${maxBytes} bytes. ` +
        'Remove embedded content such as long documentation or vendor extensions.',
    );
  }

  const declaration = DTD_DECLARATION.exec(xml);
  if (declaration == null) return null;

  return problem(
    'external-entity',
    null,
    `The definition contains a <!${declaration[1].toUpperCase()}> declaration. Remove it: BPMN ` +
      'files need no DTD, and entity declarations can expand without bound or read local files.',
  );
}

function classifyResult(
  xml: string,
  rootElement: ModdleElement,
  moddleWarnings: ImportWarning[],
): ParsedSource {
  const problems: DefinitionProblem[] = [];
  const warnings: string[] = [];

  for (const warning of moddleWarnings) {
    if (isMalformation(warning)) {
      problems.push(describeMalformation(xml, warning));
    } else if (!isEncodingNotice(warning)) {
      warnings.push(firstLine(warning.message));
    }
  }

  if (rootElement?.$type !== 'bpmn:Definitions') {
    const found = rootElement?.$type ?? 'nothing';
    problems.push(
      problem('malformed-xml', null, `Expected a bpmn:definitions root, found ${found}.`),
    );
    return { definitions: null, problems, warnings };
  }

  return { definitions: rootElement, problems, warnings };
}

// Unknown elements, duplicate ids and dangling references change what the engine would run,
// and so does a misspelt attribute of our extension. Unknown attributes of other namespaces
// stay warnings.
function isMalformation(warning: ImportWarning): boolean {
  const message = warning.message;
  if (message.startsWith('unparsable content') || message.startsWith('unresolved reference')) {
    return true;
  }

  // moddle names attributes of a known namespace by its package prefix, whatever prefix the
  // document binds to it.
  return message.startsWith('unknown attribute <sf:');
}

// moddle-xml notes an encoding declaration other than UTF-8, but the caller has already decoded
// the text, so the notice is not about the definition.
function isEncodingNotice(warning: ImportWarning): boolean {
  return warning.message.startsWith('unsupported document encoding');
}

function describeMalformation(xml: string, warning: ImportWarning): DefinitionProblem {
  const element = warning.element;
  const elementId = element == null ? locateElementId(xml, warning) : nearestId(element);
  const owner = element == null ? 'an element' : describeElement(element);
  const property = String(warning.property);

  if (warning.message.startsWith('unknown attribute')) {
    const message =
      `Attribute ${property} is not defined on ${owner}. Check its spelling against ` +
      'processes/stageflow-moddle.json, or remove it.';
    return problem('malformed-xml', elementId, message);
  }
  if (warning.message.startsWith('unresolved reference')) {
    const message =
      `${owner} refers to '${String(warning.value)}' in ${property}, but no element has that ` +
      'id. Point it at an existing element, or remove the reference.';
    return problem('malformed-xml', elementId, message);
  }

  const subject = elementId == null ? '' : ` (element '${elementId}')`;
  return problem(
    'malformed-xml',
    elementId,
    `${summarize(warning.message)}${subject}. ${fixFor(warning)}`,
  );
}

function fixFor(warning: ImportWarning): string {
  const message = warning.message;
  if (message.includes('unknown type')) return 'Remove the element or correct its name.';
  if (message.includes('duplicate ID')) return 'Give each element its own id.';
  return 'Fix the XML, for example by exporting the diagram again from the modeler.';
}

function describeParseFailure(xml: string, error: unknown): DefinitionProblem[] {
  const warnings = (error as { warnings?: ImportWarning[] }).warnings ?? [];
  const causes = warnings.map((warning) =>
    problem('malformed-xml', locateElementId(xml, warning), `${summarize(warning.message)}.`),
  );
  if (causes.length > 0) return causes;

  const message = error instanceof Error ? error.message : String(error);
  return [
    problem('malformed-xml', null, `The definition could not be parsed: ${summarize(message)}.`),
  ];
}

// moddle-xml formats problems as "summary\n\tline: L\n\tcolumn: C\n\tnested error: cause", with
// zero-based line and column numbers.
function summarize(message: string): string {
  const summary = firstLine(message);
  const cause = /nested error: (.*)/.exec(message)?.[1];
  const position = /line: (\d+)\s+column: (\d+)/.exec(message);
  const where = position == null ? '' : ` at line ${+position[1] + 1}, column ${+position[2] + 1}`;
  return `${summary}${where}${cause == null ? '' : `: ${cause}`}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

/** Reads the id attribute of the tag that a moddle warning's line and column point at. */
function locateElementId(xml: string, warning: ImportWarning): string | null {
  const position = /line: (\d+)\s+column: (\d+)/.exec(warning.message);
  if (position == null) return null;

  const line = xml.split('\n')[Number(position[1])] ?? '';
  const tag = /^<[^>]*>/.exec(line.slice(Number(position[2])))?.[0] ?? '';
  return /\sid\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? null;
}
