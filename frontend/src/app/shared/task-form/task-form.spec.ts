import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TranslocoService } from '@jsverse/transloco';
import type { FormField } from '../../core/api/api-models';
import type { FieldProblem } from '../../core/api/problem';
import type { TaskValues } from '../../core/api/task-api';
import { provideTestEnvironment } from '../testing/test-providers';
import { TaskFormHarness } from '../testing/task-form.harness';
import { TaskForm } from './task-form';

describe('TaskForm', () => {
  it('marks required fields and leaves optional ones unmarked', async () => {
    const { form } = await setup(REVIEW_FIELDS);

    expect(await form.isMarkedRequired('decision')).toBeTrue();
    expect(await form.isMarkedRequired('reason')).toBeFalse();
  });

  it('labels fields from the activity translations', async () => {
    const { form } = await setup(REVIEW_FIELDS);

    expect(await form.getLabel('decision')).toContain('Decision');
    expect(await form.getLabel('question')).toContain('Question for the student');
  });

  it('uses the label sent by the server for an untranslated field', async () => {
    const { form } = await setup([{ ...REVIEW_FIELDS[1], name: 'ward', label: 'Ward code' }]);

    expect(await form.getLabel('ward')).toContain('Ward code');
  });

  it('prefers the translation to the English label of the definition', async () => {
    const { form } = await setup([{ ...REVIEW_FIELDS[1], label: 'Reason' }]);
    TestBed.inject(TranslocoService).setActiveLang('fr');

    expect(await form.getLabel('reason')).toContain('Motif');
  });

  it('offers translated enum options', async () => {
    const { form } = await setup(REVIEW_FIELDS);

    expect(await form.getRadioOptions('decision')).toEqual([
      'Accept',
      'Refuse',
      'Ask for more information',
    ]);
  });

  it('shows untranslated options as they are', async () => {
    const rating: FormField = {
      name: 'rating',
      type: 'enum',
      required: true,
      options: ['1', '2', '3', '4', '5'],
      label: null,
    };
    const { form } = await setup([rating], 'evaluate_by_student');

    expect(await form.getRadioOptions('rating')).toEqual(['1', '2', '3', '4', '5']);
  });

  it('blocks submission until required fields are filled', async () => {
    const { form, host } = await setup(REVIEW_FIELDS);

    await form.submit();

    expect(host.submitted).toEqual([]);
    expect(await form.getError('decision')).toBe('This field is required.');
  });

  it('emits converted values on submit', async () => {
    const { form, host } = await setup([
      ...REVIEW_FIELDS,
      { name: 'absenceDays', type: 'number', required: false, options: [], label: null },
      { name: 'vaccinationsComplete', type: 'boolean', required: true, options: [], label: null },
      { name: 'returnDate', type: 'date', required: false, options: [], label: 'Return' },
    ]);

    await form.chooseRadio('decision', 'Refuse');
    await form.type('reason', '  No free place  ');
    await form.type('absenceDays', '2');
    await form.chooseRadio('vaccinationsComplete', 'Yes');
    await form.type('returnDate', '05/03/2027');
    await form.submit();

    expect(host.submitted).toEqual([
      {
        decision: 'refuse',
        reason: 'No free place',
        question: null,
        absenceDays: 2,
        vaccinationsComplete: true,
        returnDate: '2027-03-05',
      },
    ]);
  });

  it('puts server errors on their fields', async () => {
    const { form, host, fixture } = await setup(REVIEW_FIELDS);

    host.problems.set([
      { field: 'values.reason', message: 'A reason is required when refusing.' },
      { field: 'values', message: 'Unexpected field "colour".' },
    ]);
    await fixture.whenStable();

    expect(await form.getError('reason')).toBe('A reason is required when refusing.');
    expect(await form.getError('decision')).toBeNull();
    expect(await form.getGeneralErrors()).toEqual(['Unexpected field "colour".']);
  });

  it('clears a server error once the field changes', async () => {
    const { form, host, fixture } = await setup(REVIEW_FIELDS);
    host.problems.set([{ field: 'values.reason', message: 'Too short.' }]);
    await fixture.whenStable();

    await form.type('reason', 'The unit is closed for renovation in April.');

    expect(await form.getError('reason')).toBeNull();
  });
});

const REVIEW_FIELDS: FormField[] = [
  {
    name: 'decision',
    type: 'enum',
    required: true,
    options: ['accept', 'refuse', 'more_info'],
    label: null,
  },
  { name: 'reason', type: 'text', required: false, options: [], label: null },
  { name: 'question', type: 'string', required: false, options: [], label: null },
];

@Component({
  imports: [TaskForm],
  template: `
    <app-task-form
      [fields]="fields()"
      [activityId]="activityId()"
      [problems]="problems()"
      (submitted)="submitted.push($event)"
    />
  `,
})
class TaskFormHost {
  readonly fields = signal<FormField[]>([]);
  readonly activityId = signal('review_request');
  readonly problems = signal<FieldProblem[]>([]);
  readonly submitted: TaskValues[] = [];
}

async function setup(fields: FormField[], activityId = 'review_request') {
  TestBed.configureTestingModule({ providers: provideTestEnvironment() });
  const fixture = TestBed.createComponent(TaskFormHost);
  const host = fixture.componentInstance;
  host.fields.set(fields);
  host.activityId.set(activityId);
  await fixture.whenStable();
  const form = await TestbedHarnessEnvironment.harnessForFixture(fixture, TaskFormHarness);
  return { fixture, host, form };
}
