import { Component, computed, DestroyRef, inject, type Signal, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  debounceTime,
  distinctUntilChanged,
  filter,
  map,
  type Observable,
  of,
  startWith,
  switchMap,
} from 'rxjs';
import type { Campus, CareUnit, Id, Student } from '../../core/api/api-models';
import { DirectoryApi } from '../../core/api/directory-api';
import { type LoadState, toLoadState } from '../../core/api/load-state';
import { type FieldProblem, toProblem } from '../../core/api/problem';
import { StageApi } from '../../core/api/stage-api';
import { SessionStore } from '../../core/session/session-store';
import { StatePanel } from '../../shared/public-api';
import {
  buildStageRequestForm,
  controlForServerField,
  MAX_MOTIVATION_LENGTH,
  toStageRequest,
} from './stage-request-form';

/** Time to wait after the last keystroke before searching students, in milliseconds. */
const STUDENT_SEARCH_DEBOUNCE_MS = 250;

/**
 * Stage request form: a school coordinator first picks one of their students; then hospital,
 * campus and care unit (each list follows the previous choice), the period and a motivation.
 * After submission the stage page opens.
 */
@Component({
  selector: 'app-stage-request-page',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    StatePanel,
  ],
  host: { class: 'app-stage-request-page' },
  templateUrl: './stage-request.page.html',
  styleUrl: './stage-request.page.scss',
})
export class StageRequestPage {
  private readonly directory = inject(DirectoryApi);
  private readonly stages = inject(StageApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  /** Whether the user requests for one of their students rather than for themselves. */
  protected readonly needsStudent = inject(SessionStore).user()?.studentId == null;
  protected readonly today = new Date();
  protected readonly form = buildStageRequestForm(this.needsStudent, this.today);
  protected readonly maxMotivationLength = MAX_MOTIVATION_LENGTH;
  protected readonly isBusy = signal(false);
  protected readonly generalProblems = signal<string[]>([]);
  protected readonly submitFailed = signal(false);

  protected readonly hospitals = toSignal(toLoadState(this.directory.institutions('hospital')), {
    initialValue: { status: 'loading' } as const,
  });
  protected readonly campuses = this.followChoice<Campus>('hospitalId', (hospitalId) =>
    this.directory.campuses(hospitalId),
  );
  protected readonly careUnits = this.followChoice<CareUnit>('campusId', (campusId) =>
    this.directory.careUnits({ hospitalId: this.form.controls.hospitalId.value, campusId }),
  );
  protected readonly students = this.searchStudents();
  protected readonly motivationLength = toSignal(
    this.form.controls.motivation.valueChanges.pipe(map((text) => text.length)),
    { initialValue: 0 },
  );

  /** The care unit picked, for its free places hint. */
  private readonly careUnitId = toSignal(this.form.controls.careUnitId.valueChanges, {
    initialValue: null,
  });
  protected readonly chosenUnit = computed(() => {
    const units = this.careUnits();
    const id = this.careUnitId();
    return units.status === 'ready' ? (units.value.find((unit) => unit.id === id) ?? null) : null;
  });

  constructor() {
    this.resetDependentChoices();
  }

  protected showStudent(student: Student | string | null): string {
    if (!student || typeof student === 'string') return student ?? '';
    return `${student.lastName} ${student.firstName} (${student.matricule})`;
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    this.submitFailed.set(false);
    if (this.form.invalid || this.isBusy()) return;

    this.isBusy.set(true);
    this.generalProblems.set([]);
    this.stages.request(toStageRequest(this.form)).subscribe({
      next: (stage) =>
        void this.router.navigate(['/stages', stage.id], { state: { isNewRequest: true } }),
      error: (error: unknown) => {
        this.isBusy.set(false);
        this.submitFailed.set(true);
        const problem = toProblem(error);
        this.showServerProblems(problem.errors, problem.detail);
      },
    });
  }

  private showServerProblems(problems: readonly FieldProblem[], detail: string | null): void {
    const general: string[] = [];
    for (const { field, message } of problems) {
      const name = controlForServerField(field);
      const control = name ? this.form.controls[name] : null;
      if (!control) {
        general.push(message);
        continue;
      }
      control.setErrors({ ...control.errors, server: message });
      control.markAsTouched();
    }
    if (!problems.length && detail) general.push(detail);
    this.generalProblems.set(general);
  }

  // Choosing a hospital resets the campus and the unit; choosing a campus resets the unit.
  private resetDependentChoices(): void {
    const { hospitalId, campusId, careUnitId } = this.form.controls;
    hospitalId.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((id) => {
      campusId.reset(null);
      careUnitId.reset(null);
      careUnitId.disable();
      if (id) campusId.enable();
      else campusId.disable();
    });
    campusId.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((id) => {
      careUnitId.reset(null);
      if (id) careUnitId.enable();
      else careUnitId.disable();
    });
  }

  private followChoice<T>(
    controlName: 'hospitalId' | 'campusId',
    load: (id: Id) => Observable<T[]>,
  ): Signal<LoadState<T[]>> {
    const control = this.form.controls[controlName];
    const empty: LoadState<T[]> = { status: 'ready', value: [] };
    return toSignal(
      control.valueChanges.pipe(
        distinctUntilChanged(),
        switchMap((id) => (id ? toLoadState(load(id)) : of(empty))),
      ),
      { initialValue: empty },
    );
  }

  private searchStudents(): Signal<Student[]> {
    if (!this.needsStudent) return signal<Student[]>([]);
    return toSignal(
      this.form.controls.student.valueChanges.pipe(
        startWith(''),
        filter((value) => typeof value === 'string' || value === null),
        map((value) => (value ?? '').trim()),
        debounceTime(STUDENT_SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
        switchMap((q) => toLoadState(this.directory.students(q))),
        map((state) => (state.status === 'ready' ? state.value.items : [])),
      ),
      { initialValue: [] as Student[] },
    );
  }
}
