import fs from 'node:fs';
import path from 'node:path';
import type { DefinitionProblem, DefinitionRule } from '../definition-problem';
import { validateDefinition, type ValidatedDefinition } from '../validate-definition';

/** Reads a fixture from the definition specs' fixtures folder. */
export function loadFixture(name: string): string {
  return fs.readFileSync(path.join(__dirname, '..', 'fixtures', name), 'utf8');
}

/** Replaces `search` in `xml`, and throws when a fixture no longer contains it. */
export function variant(xml: string, search: string | RegExp, replacement: string): string {
  const changed = xml.replace(search, () => replacement);
  if (changed === xml) throw new Error(`The fixture does not contain ${String(search)}.`);
  return changed;
}

/** Validates `xml` with the it-account plugin installed, or with `plugins` when given. */
export function validate(
  xml: string,
  options: { plugins?: string[]; maxBytes?: number } = {},
): Promise<ValidatedDefinition> {
  const knownPlugins = new Set(options.plugins ?? ['it-account']);
  return validateDefinition(xml, { knownPlugins, maxBytes: options.maxBytes });
}

/** Returns each problem as a [rule, elementId] pair, for compact assertions. */
export function rulesAndIds(problems: DefinitionProblem[]): Array<[DefinitionRule, string | null]> {
  return problems.map((entry) => [entry.rule, entry.elementId]);
}
