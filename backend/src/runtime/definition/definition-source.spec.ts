import fs from 'node:fs';
import path from 'node:path';
import BpmnModdle from 'bpmn-moddle';
import { findRepositoryRoot } from '../../platform/config/config';
import { loadFixture, rulesAndIds, validate, variant } from './testing/definition-fixtures';
import { DEFAULT_MAX_DEFINITION_BYTES } from './validate-definition';

describe('parseDefinitionSource()', () => {
  let fromXml: jest.SpyInstance;

  beforeEach(() => {
    // A spy that calls through: it only records whether bpmn-moddle saw the text. The package
    // exports a factory, so the parser's prototype is reached through an instance.
    const parserPrototype = Object.getPrototypeOf(new BpmnModdle()) as BpmnModdle;
    fromXml = jest.spyOn(parserPrototype, 'fromXML');
  });

  afterEach(() => {
    fromXml.mockRestore();
  });

  describe('before parsing', () => {
    it.each(['billion-laughs.bpmn', 'external-entity.bpmn'])(
      'rejects %s without parsing it',
      async (fixture) => {
        const { problems, key } = await validate(loadFixture(fixture));

        expect(rulesAndIds(problems)).toEqual([['external-entity', null]]);
        expect(problems[0].message).toContain('<!DOCTYPE>');
        expect(key).toBe('');
        expect(fromXml).not.toHaveBeenCalled();
      },
    );

    it('rejects a lone entity declaration', async () => {
      const xml = variant(
        loadFixture('valid.bpmn'),
        '<bpmn:definitions',
        '<!ENTITY x "y">\n<bpmn:definitions',
      );

      const { problems } = await validate(xml);

      expect(rulesAndIds(problems)).toEqual([['external-entity', null]]);
      expect(fromXml).not.toHaveBeenCalled();
    });

    it('rejects input over 1 MiB without parsing it', async () => {
      const padding = 'x'.repeat(DEFAULT_MAX_DEFINITION_BYTES);
      const xml = variant(loadFixture('valid.bpmn'), 'Uses every supported element', padding);

      const { problems } = await validate(xml);

      expect(rulesAndIds(problems)).toEqual([['oversized', null]]);
      expect(problems[0].message).toContain(`limit of ${DEFAULT_MAX_DEFINITION_BYTES} bytes`);
      expect(fromXml).not.toHaveBeenCalled();
    });

    it('counts UTF-8 bytes, not characters', async () => {
      const xml = variant(loadFixture('valid.bpmn'), 'name="Fixture"', 'name="Évaluation"');
      const characters = xml.length;

      const { problems } = await validate(xml, { maxBytes: characters });

      expect(rulesAndIds(problems)).toEqual([['oversized', null]]);
    });

    it('parses input at exactly the limit', async () => {
      const xml = loadFixture('valid.bpmn');

      const { problems } = await validate(xml, { maxBytes: Buffer.byteLength(xml) });

      expect(problems).toEqual([]);
      expect(fromXml).toHaveBeenCalledTimes(1);
    });
  });

  describe('malformed XML', () => {
    it.each([
      ['empty text', ''],
      ['plain text', 'not xml at all'],
      ['a foreign root', '<definitions xmlns="http://example.org/other" />'],
      ['a BPMN element as root', '<process xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" />'],
      ['an unclosed element', loadFixture('valid.bpmn').slice(0, 600)],
    ])('rejects %s', async (_case, xml) => {
      const { problems, key } = await validate(xml);

      expect(problems.map((entry) => entry.rule)).toContain('malformed-xml');
      expect(key).toBe('');
    });

    it('names the element of a duplicate id', async () => {
      const xml = variant(loadFixture('valid.bpmn'), 'id="badge"', 'id="review"');

      const { problems } = await validate(xml);

      expect(problems).toContainEqual({
        rule: 'malformed-xml',
        elementId: 'review',
        message: expect.stringContaining('duplicate ID <review>'),
      });
    });

    it('names the flow of a dangling reference', async () => {
      const xml = variant(loadFixture('valid.bpmn'), 'targetRef="refused"', 'targetRef="nowhere"');

      const { problems } = await validate(xml);

      expect(problems).toContainEqual({
        rule: 'malformed-xml',
        elementId: 'flow_refused',
        message: expect.stringContaining("refers to 'nowhere'"),
      });
    });

    it('rejects a misspelt attribute under any prefix of our namespace', async () => {
      const xml = variant(
        loadFixture('valid.bpmn'),
        'xmlns:sf=',
        'xmlns:stage="http://stageflow.org/schema/bpmn/1.0" xmlns:sf=',
      ).replace('sf:phase="acceptance"', 'stage:phse="acceptance"');

      const { problems } = await validate(xml);

      expect(rulesAndIds(problems)).toEqual([['malformed-xml', 'review']]);
      expect(problems[0].message).toContain('sf:phse');
    });

    it('only warns about an unknown attribute without a namespace', async () => {
      const xml = variant(
        loadFixture('valid.bpmn'),
        '<bpmn:parallelGateway id="split"',
        '<bpmn:parallelGateway colour="red" id="split"',
      );

      const { problems, warnings } = await validate(xml);

      expect(problems).toEqual([]);
      expect(warnings).toEqual(['unknown attribute <colour>']);
    });

    it('keeps quiet about an encoding declaration', async () => {
      const xml = variant(loadFixture('valid.bpmn'), 'encoding="UTF-8"', 'encoding="ISO-8859-1"');

      const { problems, warnings } = await validate(xml);

      expect(problems).toEqual([]);
      expect(warnings).toEqual([]);
    });
  });

  describe('robustness', () => {
    const lifecycle = fs.readFileSync(
      path.join(findRepositoryRoot(), 'processes', 'stage-lifecycle.bpmn'),
      'utf8',
    );
    const cuts = Array.from({ length: 25 }, (_, index) =>
      Math.floor((lifecycle.length * index) / 25),
    );

    it.each(cuts)('returns problems for the lifecycle cut at %i characters', async (cut) => {
      const { problems } = await validate(lifecycle.slice(0, cut));

      expect(problems.length).toBeGreaterThan(0);
      for (const entry of problems) {
        expect(entry.rule).toEqual(expect.any(String));
        expect(entry.message).not.toBe('');
      }
    });

    it('rejects a value that is not a string', async () => {
      const { problems } = await validate(42 as unknown as string);

      expect(rulesAndIds(problems)).toEqual([['malformed-xml', null]]);
    });
  });
});
