import fs from 'node:fs';
import path from 'node:path';
import BpmnModdle, { type ModdleElement } from 'bpmn-moddle';
import { findRepositoryRoot } from '../../platform/config/config';
import { moddleOptions } from '../moddle-extension';
import { loadFixture } from './testing/definition-fixtures';
import {
  readFormFields,
  readServiceTaskSpec,
  readStageStatus,
  readUserTaskSpec,
} from './task-spec';

describe('task spec readers', () => {
  describe('readUserTaskSpec()', () => {
    it('reads the review task of the lifecycle', async () => {
      const elements = await parseLifecycle();

      expect(readUserTaskSpec(elements.review_request)).toEqual({
        candidateRole: 'hospital_coordinator',
        scope: 'hospital',
        dueDate: 'P5D',
        phase: 'acceptance',
        form: [
          {
            name: 'decision',
            type: 'enum',
            required: true,
            options: ['accept', 'refuse', 'more_info'],
            label: 'Decision',
          },
          { name: 'reason', type: 'text', required: false, options: [], label: 'Reason' },
          {
            name: 'question',
            type: 'text',
            required: false,
            options: [],
            label: 'Question for the requester',
          },
        ],
      });
    });

    it('leaves the requester without a scope', async () => {
      const elements = await parseLifecycle();

      expect(readUserTaskSpec(elements.provide_information)).toMatchObject({
        candidateRole: 'requester',
        scope: null,
        dueDate: 'P7D',
      });
    });

    it('reads a due date expression as written', async () => {
      const elements = await parseLifecycle();

      expect(readUserTaskSpec(elements.confirm_execution).dueDate).toBe(
        '${environment.variables.stage.endDate}',
      );
    });

    it("applies the role's default scope when sf:scope is missing", async () => {
      const elements = await parse(loadFixture('valid.bpmn'));

      expect(readUserTaskSpec(elements.review)).toMatchObject({
        candidateRole: 'hospital_coordinator',
        scope: 'hospital',
      });
    });

    it('reads a task without Stageflow attributes as empty', async () => {
      const elements = await parse(loadFixture('missing-candidate-role.bpmn'));

      expect(readUserTaskSpec(elements.unassigned_review)).toEqual({
        candidateRole: null,
        scope: 'hospital',
        dueDate: null,
        phase: null,
        form: [],
      });
    });
  });

  describe('readFormFields()', () => {
    it('reads missing attributes as empty values', async () => {
      const elements = await parse(
        loadFixture('invalid-form-field.bpmn').replace('name="rating" ', ''),
      );

      expect(readFormFields(elements.rate_stage)).toEqual([
        { name: '', type: 'enum', required: true, options: [], label: null },
      ]);
    });
  });

  describe('readServiceTaskSpec() and readStageStatus()', () => {
    it('reads the plugin and the outcomes of the lifecycle', async () => {
      const elements = await parseLifecycle();

      expect(readServiceTaskSpec(elements.create_it_account)).toEqual({
        plugin: 'it-account',
        phase: 'preparation',
      });
      expect(readStageStatus(elements.stage_refused)).toBe('refused');
      expect(readStageStatus(elements.stage_closed_without_recruitment)).toBe('completed');
    });
  });
});

// helpers

async function parseLifecycle(): Promise<Record<string, ModdleElement>> {
  const file = path.join(findRepositoryRoot(), 'processes', 'stage-lifecycle.bpmn');
  return parse(fs.readFileSync(file, 'utf8'));
}

async function parse(xml: string): Promise<Record<string, ModdleElement>> {
  const { elementsById, warnings } = await new BpmnModdle(moddleOptions).fromXML(xml);
  expect(warnings).toEqual([]);
  return elementsById;
}
