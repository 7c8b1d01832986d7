import { FormControl, FormGroup, type ValidatorFn, Validators } from '@angular/forms';
import type { Student } from '../../core/api/api-models';
import type { StageRequest } from '../../core/api/stage-api';
import { toCalendarDate } from '../../core/i18n/calendar-date';

/** Longest motivation the form accepts, in characters. */
export const MAX_MOTIVATION_LENGTH = 2000;

/** Controls of the stage request form. */
export type StageRequestForm = FormGroup<{
  student: FormControl<Student | string | null>;
  hospitalId: FormControl<string | null>;
  campusId: FormControl<string | null>;
  careUnitId: FormControl<string | null>;
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
  return new FormGroup(
    {
      student: new FormControl<Student | string | null>(null, needsStudent ? [pickedStudent] : []),
      hospitalId: new FormControl<string | null>(null, Validators.required),
      campusId: new FormControl<string | null>({ value: null, disabled: true }, Validators.required),
      careUnitId: new FormControl<string | null>({ value: null, disabled: true }, Validators.required),
      startDate: new FormControl<Date | null>(null, [Validators.required, notBefore(today)]),
      endDate: new FormControl<Date | null>(null, Validators.required),
      motivation: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(MAX_MOTIVATION_LENGTH), notBlank],
      }),
    },
  );
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

// The student box holds text while the user types; only a picked student is valid.
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
