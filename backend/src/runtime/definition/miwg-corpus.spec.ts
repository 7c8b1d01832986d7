import fs from 'node:fs';
import path from 'node:path';
import { validate } from './testing/definition-fixtures';
import { DEFINITION_RULES, type DefinitionRule } from './validate-definition';

// The BPMN Model Interchange Working Group reference models: real files from many modelers,
// full of elements Stageflow does not run. They check that validation never throws and that
// its verdicts only change on purpose. The suite is skipped where the files are not installed.
const CORPUS_DIR = process.env.MIWG_CORPUS_DIR ?? '/work/shared/bpmn-corpus/miwg';
const hasCorpus = fs.existsSync(CORPUS_DIR);

// No file is accepted: each row lists the executable process found ('' for none) and the rules
// the file breaks. An accepted file would list no rules.
const VERDICTS: Array<[string, string, DefinitionRule[]]> = [
  ['A.1.0', '', ['no-executable-process', 'unsupported-element']],
  ['A.2.0', '', ['missing-condition', 'no-executable-process', 'unsupported-element']],
  [
    'A.2.1',
    '',
    ['implicit-split', 'no-executable-process', 'script-condition', 'unsupported-element'],
  ],
  ['A.3.0', '', ['no-executable-process', 'unsupported-element']],
  ['A.4.0', '', ['implicit-split', 'no-executable-process', 'unsupported-element']],
  ['A.4.1', '', ['implicit-split', 'no-executable-process', 'unsupported-element']],
  [
    'B.1.0',
    '',
    [
      'missing-candidate-role',
      'missing-condition',
      'missing-plugin',
      'no-executable-process',
      'unsupported-element',
    ],
  ],
  [
    'B.2.0',
    '',
    [
      'converging-inclusive-gateway',
      'invalid-timer',
      'missing-candidate-role',
      'missing-condition',
      'missing-plugin',
      'no-executable-process',
      'unsupported-element',
    ],
  ],
  [
    'C.1.0',
    'bpmn-miwg-test-case-c.1.0',
    [
      'invalid-timer',
      'missing-candidate-role',
      'missing-plugin',
      'script-condition',
      'unsupported-element',
    ],
  ],
  [
    'C.1.1',
    'handle-invoice',
    ['missing-candidate-role', 'missing-plugin', 'script-condition', 'unsupported-element'],
  ],
  ['C.2.0', '', ['missing-condition', 'no-executable-process', 'unsupported-element']],
  [
    'C.3.0',
    '_8170787a-3207-434d-9bea-4787059f444f',
    [
      'invalid-timer',
      'missing-candidate-role',
      'missing-condition',
      'script-condition',
      'unsupported-element',
    ],
  ],
  [
    'C.4.0',
    '',
    [
      'missing-candidate-role',
      'missing-condition',
      'missing-plugin',
      'no-executable-process',
      'unsupported-element',
    ],
  ],
  [
    'C.5.0',
    '',
    ['missing-candidate-role', 'missing-condition', 'no-executable-process', 'unsupported-element'],
  ],
  [
    'C.6.0',
    '',
    ['invalid-timer', 'missing-plugin', 'no-executable-process', 'unsupported-element'],
  ],
  [
    'C.7.0',
    '',
    [
      'missing-candidate-role',
      'missing-condition',
      'missing-plugin',
      'no-executable-process',
      'unsupported-element',
    ],
  ],
  [
    'C.8.0',
    '',
    [
      'missing-candidate-role',
      'missing-plugin',
      'no-executable-process',
      'script-condition',
      'unsupported-element',
    ],
  ],
  [
    'C.8.1',
    'VacationRequestProcess',
    [
      'malformed-xml',
      'missing-candidate-role',
      'missing-plugin',
      'script-condition',
      'unsupported-element',
    ],
  ],
  [
    'C.9.0',
    'customer_onboarding_en',
    ['missing-candidate-role', 'missing-plugin', 'script-condition', 'unsupported-element'],
  ],
  ['C.9.1', 'requestDocument_en', ['missing-candidate-role', 'unsupported-element']],
  ['C.9.2', 'ManualCheck', ['missing-candidate-role', 'script-condition', 'unsupported-element']],
];

(hasCorpus ? describe : describe.skip)('validateDefinition() on the MIWG corpus', () => {
  it('has a verdict for every file', () => {
    const files = fs.readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.bpmn'));

    expect(files.map((name) => path.basename(name, '.bpmn')).sort()).toEqual(
      VERDICTS.map(([file]) => file).sort(),
    );
  });

  it.each(VERDICTS)('returns the recorded verdict for %s', async (file, key, rules) => {
    const xml = readDecoded(path.join(CORPUS_DIR, `${file}.bpmn`));

    const result = await validate(xml, { plugins: [] });

    for (const entry of result.problems) {
      expect(DEFINITION_RULES).toContain(entry.rule);
      expect(entry.message.length).toBeGreaterThan(0);
    }
    expect(result.key).toBe(key);
    expect([...new Set(result.problems.map((entry) => entry.rule))].sort()).toEqual(rules);
  });
});

// helpers

/** Reads a file and decodes it in the encoding its XML declaration names, maybe ISO-8859-1. */
function readDecoded(file: string): string {
  const bytes = fs.readFileSync(file);
  const declaration = bytes.subarray(0, 200).toString('latin1');
  const encoding = /encoding=["']([^"']+)["']/.exec(declaration)?.[1] ?? 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}
