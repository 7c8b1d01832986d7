import { BreakpointObserver } from '@angular/cdk/layout';
import { Component, computed, DestroyRef, effect, inject, input, output } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { debounceTime, distinctUntilChanged, map, merge } from 'rxjs';
import {
  type CareUnit,
  type Id,
  type Institution,
  type Phase,
  PHASES,
  type Programme,
} from '../../../core/api/api-models';
import type { TaskQuery, TaskSort } from '../../../core/api/task-api';
import { fromCalendarDate, toCalendarDate } from '../../../core/i18n/calendar-date';
import { TASK_SORTS } from '../inbox-query';

/** Time to wait after the last keystroke in the search box before filtering, in milliseconds. */
const SEARCH_DEBOUNCE_MS = 300;

/** The filters, search box and sort order of the task inbox. */
@Component({
  selector: 'app-task-filters',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  host: { class: 'app-task-filters' },
  templateUrl: './task-filters.html',
  styleUrl: './task-filters.scss',
})
export class TaskFilters {
  /** The query currently in the URL; the controls follow it. */
  readonly query = input.required<TaskQuery>();
  /** Care units offered in the care unit filter. */
  readonly careUnits = input<readonly CareUnit[]>([]);
  /** Schools offered in the school filter. */
  readonly schools = input<readonly Institution[]>([]);
  /** Programmes offered in the programme filter, usually of the chosen school. */
  readonly programmes = input<readonly Programme[]>([]);
  /** Emits the filters the user changed; the page merges them into the URL. */
  readonly changed = output<Partial<TaskQuery>>();

  protected readonly phases: readonly Phase[] = PHASES;
  protected readonly sorts: readonly TaskSort[] = TASK_SORTS;
  protected readonly form = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    phase: new FormControl<Phase | null>(null),
    careUnitId: new FormControl<Id | null>(null),
    schoolId: new FormControl<Id | null>(null),
    programmeId: new FormControl<Id | null>(null),
    dueBefore: new FormControl<Date | null>(null),
    overdue: new FormControl(false, { nonNullable: true }),
    sort: new FormControl<TaskSort>('dueAt', { nonNullable: true }),
  });

  /** Compares ids from the URL (text) with ids from the API (numbers). */
  protected readonly isSameId = (a: Id | null, b: Id | null): boolean =>
    a === null || b === null ? a === b : String(a) === String(b);

  /** Number of filters in use besides the search box, shown on the collapsed panel. */
  protected readonly activeFilterCount = computed(() => {
    const query = this.query();
    const used = [
      query.phase,
      query.careUnitId,
      query.schoolId,
      query.programmeId,
      query.dueBefore,
    ];
    return used.filter(Boolean).length + (query.overdue ? 1 : 0);
  });

  /** Whether the screen is wide enough to show the filters expanded at first. */
  protected readonly isWide = toSignal(
    inject(BreakpointObserver)
      .observe('(min-width: 721px)')
      .pipe(map((state) => state.matches)),
    { initialValue: true },
  );

  constructor() {
    effect(() => this.followQuery(this.query()));
    this.emitChanges();
  }

  protected clear(): void {
    this.changed.emit({
      phase: null,
      careUnitId: null,
      schoolId: null,
      programmeId: null,
      dueBefore: null,
      overdue: false,
      q: null,
    });
  }

  private followQuery(query: TaskQuery): void {
    const controls = this.form.controls;
    const values = {
      phase: query.phase ?? null,
      careUnitId: query.careUnitId ?? null,
      schoolId: query.schoolId ?? null,
      programmeId: query.programmeId ?? null,
      dueBefore: fromCalendarDate(query.dueBefore),
      overdue: query.overdue ?? false,
      sort: query.sort ?? 'dueAt',
    };
    this.form.patchValue(values, { emitEvent: false });
    // Leave the search box alone while the user types in it; the URL lags by the debounce.
    if (document.activeElement?.getAttribute('name') !== 'q') {
      controls.q.setValue(query.q ?? '', { emitEvent: false });
    }
  }

  private emitChanges(): void {
    const controls = this.form.controls;
    const search$ = controls.q.valueChanges.pipe(
      debounceTime(SEARCH_DEBOUNCE_MS),
      map((q) => q.trim()),
      distinctUntilChanged(),
      map((q): Partial<TaskQuery> => ({ q: q || null })),
    );
    const dueBefore$ = controls.dueBefore.valueChanges.pipe(
      map((date): Partial<TaskQuery> => ({
        dueBefore: date && !isNaN(+date) ? toCalendarDate(date) : null,
      })),
    );
    const school$ = controls.schoolId.valueChanges.pipe(
      // A programme belongs to one school, so changing the school clears the programme.
      map((schoolId): Partial<TaskQuery> => ({ schoolId, programmeId: null })),
    );
    const others = (['phase', 'careUnitId', 'programmeId', 'overdue', 'sort'] as const).map(
      (name) => {
        const control: AbstractControl<unknown> = controls[name];
        return control.valueChanges.pipe(map((value) => ({ [name]: value }) as Partial<TaskQuery>));
      },
    );
    merge(search$, dueBefore$, school$, ...others)
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((change) => this.changed.emit(change));
  }
}
