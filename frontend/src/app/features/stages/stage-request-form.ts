import { FormControl, FormGroup, type ValidatorFn, Validators } from '@angular/forms';
import type { Id, Student } from '../../core/api/api-models';
import type { StageRequest } from '../../core/api/stage-api';
import { toCalendarDate } from '../../core/i18n/calendar-date';

/** Maximum length of the motivation in characters, the same as the API's. */
export const MAX_MOTIVATION_LENGTH = 4000;

/** Maximum stage length the API accepts, in days: 26 weeks, first and last day included. */
export const MAX_STAGE_DAYS = 26 * 7;

/** Controls of the stage request form. */
export type StageRequestForm = FormGroup<{
  student: FormControl<Student | string | null>;
  hospitalId: FormControl<Id | null>;
  campusId: FormControl<Id | null>;
  careUnitId: FormControl<Id | null>;
  startDate: FormControl<Date | null>;
  endDate: FormControl<Date | null>;
  motivation: FormControl<string>;
}>;

/**
 * Builds the stage request form. The student control is required only when the user picks a
 * student (school coordinators); students request for themselves. The date range input adds
 * its own check that the end date does not come before the start date.
 */
export function buildStageRequestForm(needsStudent: boolean, today: Date): StageRequestForm {
  const form: StageRequestForm = new FormGroup({
    student: new FormControl<Student | string | null>(null, needsStudent ? [pickedStudent] : []),
    hospitalId: new FormControl<Id | null>(null, Validators.required),
    campusId: new FormControl<Id | null>({ value: null, disabled: true }, Validators.required),
    careUnitId: new FormControl<Id | null>({ value: null, disabled: true }, Validators.required),
    startDate: new FormControl<Date | null>(null, [Validators.required, notBefore(today)]),
    endDate: new FormControl<Date | null>(null, [Validators.required, withinMaxLength]),
    motivation: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(MAX_MOTIVATION_LENGTH), notBlank],
    }),
  });
  // The end date's length check reads the start date, so it runs again when the start moves.
  form.controls.startDate.valueChanges.subscribe(() =>
    form.controls.endDate.updateValueAndValidity({ emitEvent: false }),
  );
  return form;
}

/** Reads the form as the body of `POST /api/stages`; call it on a valid form only. */
export function toStageRequest(form: StageRequestForm): StageRequest {
  const value = form.getRawValue();
  const body: StageRequest = {
    careUnitId: value.careUnitId ?? '',
    startDate: value.startDate ? toCalendarDate(value.startDate) : '',
    endDate: value.endDate ? toCalendarDate(value.endDate) : '',
    motivation: value.motivation.trim(),
  };
  if (value.student && typeof value.student === 'object') body.studentId = value.student.id;
  return body;
}

/** Maps a field of the server's validation errors to the form control that shows it. */
export function controlForServerField(field: string): keyof StageRequestForm['controls'] | null {
  const controls: Record<string, keyof StageRequestForm['controls']> = {
    studentId: 'student',
    careUnitId: 'careUnitId',
    startDate: 'startDate',
    endDate: 'endDate',
    motivation: 'motivation',
  };
  return controls[field] ?? null;
}

// The student box contains text while the user types, and only a picked student is valid.
const pickedStudent: ValidatorFn = (control) => {
  const value: unknown = control.value;
  if (value === null || value === '') return { required: true };
  return typeof value === 'object' ? null : { studentNotPicked: true };
};

const notBlank: ValidatorFn = (control) =>
  typeof control.value === 'string' && control.value.length > 0 && control.value.trim() === ''
    ? { required: true }
    : null;

function notBefore(day: Date): ValidatorFn {
  const first = new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
  return (control) => {
    const value = control.value as Date | null;
    return value instanceof Date && value.getTime() < first ? { inPast: true } : null;
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

const withinMaxLength: ValidatorFn = (control) => {
  const start = control.parent?.get('startDate')?.value as Date | null | undefined;
  const end = control.value as Date | null;
  if (!(start instanceof Date) || !(end instanceof Date)) return null;
  // Math.round absorbs the hour lost or gained when the period spans a daylight saving change.
  const days = Math.round((end.getTime() - start.getTime()) / DAY_MS) + 1;
  return days > MAX_STAGE_DAYS ? { tooLong: { days, max: MAX_STAGE_DAYS } } : null;
};
