import BpmnModdle from 'bpmn-moddle';
import { moddleOptions } from './moddle-extension';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:sf="http://stageflow.org/schema/bpmn/1.0" id="d" targetNamespace="http://x">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:userTask id="review" sf:phase="acceptance" sf:candidateRole="hospital_coordinator"
      sf:scope="hospital" sf:dueDate="P3D">
      <bpmn:extensionElements>
        <sf:form>
          <sf:formField name="decision" type="enum" required="true" options="accept,refuse" />
        </sf:form>
      </bpmn:extensionElements>
    </bpmn:userTask>
  </bpmn:process>
</bpmn:definitions>`;

interface ParsedDefinitions {
  rootElements: {
    flowElements: {
      candidateRole: string;
      phase: string;
      dueDate: string;
      extensionElements: {
        values: { fields: { name: string; required: boolean; options: string }[] }[];
      };
    }[];
  }[];
}

describe('stageflow moddle extension', () => {
  it('reads task attributes and form fields', async () => {
    const moddle = new BpmnModdle(moddleOptions);
    const { rootElement, warnings } = await moddle.fromXML(xml);
    const task = (rootElement as unknown as ParsedDefinitions).rootElements[0]!.flowElements[0]!;
    const field = task.extensionElements.values[0]!.fields[0]!;

    expect(warnings).toEqual([]);
    expect(task.candidateRole).toBe('hospital_coordinator');
    expect(task.phase).toBe('acceptance');
    expect(task.dueDate).toBe('P3D');
    expect(field.name).toBe('decision');
    expect(field.required).toBe(true);
    expect(field.options).toBe('accept,refuse');
  });
});
