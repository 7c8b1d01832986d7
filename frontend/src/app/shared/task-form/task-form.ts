import { Component, computed, effect, input, output, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FormField } from '../../core/api/api-models';
import type { FieldProblem } from '../../core/api/problem';
import type { TaskValues } from '../../core/api/task-api';
import { TranslateOrPipe } from '../../core/i18n/translate-or.pipe';
import { applyServerProblems, buildTaskForm, readTaskValues } from './task-form-model';

/** Enums with at most this many options render as radio buttons, longer ones as a select. */
const MAX_RADIO_OPTIONS = 5;

/**
 * Generates the form of a user task from its field definitions: text, long text, number,
 * yes/no, date and enum fields, with required marks and per-field errors from the client's
 * validators and from the server's problem+json `errors`.
 */
@Component({
  selector: 'app-task-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslocoPipe,
    TranslateOrPipe,
  ],
  host: { class: 'app-task-form' },
  templateUrl: './task-form.html',
  styleUrl: './task-form.scss',
})
export class TaskForm {
  /** Fields of the task's form, in display order. */
  readonly fields = input.required<readonly FormField[]>();
  /** Activity id of the task, which names the translation keys of its labels. */
  readonly activityId = input.required<string>();
  /** Field problems from the server's last response, with paths such as `values.reason`. */
  readonly problems = input<readonly FieldProblem[]>([]);
  /** Whether a submission is in flight; disables the submit button. */
  readonly busy = input(false);
  /** Translation key of the submit button. */
  readonly submitLabelKey = input('task.complete');
  /** Emits the values, converted for the API, when the user submits a valid form. */
  readonly submitted = output<TaskValues>();

  /** The generated form; rebuilt when the fields change. */
  readonly form = computed(() => buildTaskForm(this.fields()));

  protected readonly unmatchedProblems = signal<string[]>([]);

  constructor() {
    effect(() => this.unmatchedProblems.set(applyServerProblems(this.form(), this.problems())));
  }

  protected submit(): void {
    const form = this.form();
    form.markAllAsTouched();
    if (form.invalid || this.busy()) return;
    this.submitted.emit(readTaskValues(form, this.fields()));
  }

  // NOTE: a translation of `form.<activityId>.<field>` wins over the definition's label, because
  // the shipped process writes English labels; the label serves untranslated fields.
  protected labelKey(field: FormField): string {
    return `form.${this.activityId()}.${field.name}`;
  }

  protected optionKey(field: FormField, option: string): string {
    return `formOptions.${this.activityId()}.${field.name}.${option}`;
  }

  protected controlId(field: FormField): string {
    return `task-field-${this.activityId()}-${field.name}`;
  }

  protected usesRadios(field: FormField): boolean {
    return field.options.length <= MAX_RADIO_OPTIONS;
  }

  protected errorOf(field: FormField): string | null {
    const errors = this.form().controls[field.name]?.errors;
    if (!errors) return null;
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['required']) return 'validation.required';
    if (errors['number']) return 'validation.number';
    if (errors['matDatepickerParse']) return 'validation.date';
    if (errors['option']) return 'validation.option';
    return 'validation.invalid';
  }

  protected isTranslationKey(message: string): boolean {
    return message.startsWith('validation.');
  }
}
