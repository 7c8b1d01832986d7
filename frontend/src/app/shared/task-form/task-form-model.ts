import { FormControl, FormGroup, type ValidatorFn, Validators } from '@angular/forms';
import type { FormField } from '../../core/api/api-models';
import type { TaskValues } from '../../core/api/task-api';
import { type FieldProblem, groupFieldProblems } from '../../core/api/problem';
import { toCalendarDate } from '../../core/i18n/calendar-date';

/** Value of a generated control: text, a number, a yes/no choice, a date or an option. */
export type TaskFieldValue = string | number | boolean | Date | null;

/** The form group generated from a task's fields, one control per field name. */
export type TaskFormGroup = FormGroup<Record<string, FormControl<TaskFieldValue>>>;

/** Path prefix of task form fields in the server's validation errors (`values.reason`). */
export const SERVER_FIELD_PREFIX = 'values.';

/** Builds one control per field, with `required` and, for enums, an allowed-options check. */
export function buildTaskForm(fields: readonly FormField[]): TaskFormGroup {
  const controls: Record<string, FormControl<TaskFieldValue>> = {};
  for (const field of fields) {
    controls[field.name] = new FormControl<TaskFieldValue>(null, validatorsFor(field));
  }
  return new FormGroup(controls);
}

/**
 * Reads the form as the values the API expects: dates as `YYYY-MM-DD`, numbers as numbers,
 * and empty text as null.
 */
export function readTaskValues(form: TaskFormGroup, fields: readonly FormField[]): TaskValues {
  const values: TaskValues = {};
  for (const field of fields) {
    const raw = form.controls[field.name]?.value ?? null;
    values[field.name] = toApiValue(field, raw);
  }
  return values;
}

/**
 * Puts the server's field problems on the matching controls as a `server` error and returns
 * the messages that match no control, which the form shows above its buttons.
 */
export function applyServerProblems(
  form: TaskFormGroup,
  problems: readonly FieldProblem[],
): string[] {
  const unmatched: string[] = [];
  for (const [name, messages] of groupFieldProblems(problems, SERVER_FIELD_PREFIX)) {
    const control = form.controls[name];
    if (!control) {
      unmatched.push(...messages);
      continue;
    }
    control.setErrors({ ...control.errors, server: messages.join(' ') });
    control.markAsTouched();
  }
  return unmatched;
}

function validatorsFor(field: FormField): ValidatorFn[] {
  const validators: ValidatorFn[] = field.required ? [Validators.required] : [];
  if (field.type === 'enum') validators.push(oneOf(field.options));
  if (field.type === 'number') validators.push(isNumber);
  return validators;
}

function oneOf(options: readonly string[]): ValidatorFn {
  return (control) =>
    control.value === null || options.includes(String(control.value)) ? null : { option: true };
}

const isNumber: ValidatorFn = (control) => {
  const value: unknown = control.value;
  if (value === null || value === '') return null;
  return Number.isFinite(Number(value)) ? null : { number: true };
};

function toApiValue(field: FormField, raw: TaskFieldValue): string | number | boolean | null {
  if (raw === null || raw === '') return null;
  switch (field.type) {
    case 'number':
      return Number(raw);
    case 'date':
      return raw instanceof Date ? toCalendarDate(raw) : String(raw);
    case 'boolean':
      return raw === true || raw === 'true';
    case 'string':
    case 'text':
      return typeof raw === 'string' ? raw.trim() || null : String(raw);
    case 'enum':
      return String(raw);
  }
}
