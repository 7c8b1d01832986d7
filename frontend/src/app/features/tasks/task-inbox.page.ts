import { Component, computed, DestroyRef, inject, Injector, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  MatSnackBar,
  type MatSnackBarRef,
  type TextOnlySnackBar,
} from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  catchError,
  combineLatest,
  distinctUntilChanged,
  filter,
  map,
  type Observable,
  of,
  startWith,
  Subject,
  switchMap,
} from 'rxjs';
import { AbilityStore } from '../../core/ability/ability-store';
import type { Id, Page, Task } from '../../core/api/api-models';
import { type Problem, toProblem } from '../../core/api/problem';
import { type TaskQuery, TaskApi } from '../../core/api/task-api';
import { PAGE_VISIBLE } from '../../core/realtime/page-visibility';
import { POLL_INTERVAL, pollWhileVisible } from '../../core/realtime/polling';
import { TaskCountStore } from '../../core/realtime/task-count-store';
import { SessionStore } from '../../core/session/session-store';
import { StatePanel } from '../../shared/public-api';
import { TaskFilters } from './components/task-filters';
import { TaskList } from './components/task-list';
import { InboxOptions } from './inbox-options';
import { PAGE_SIZES, parseInboxQuery, toInboxParams } from './inbox-query';
import { TaskDialog, type TaskDialogResult } from './task-dialog/task-dialog';

/** The result of one load of the list: a page, or the problem that stopped it. */
interface ListResult {
  query: TaskQuery;
  page: Page<Task> | null;
  problem: Problem | null;
}

/**
 * Task inbox: the tasks assigned to the user and those they may claim, with server-side
 * filters, sorting and paging kept in the URL. The list reloads every poll interval while the
 * page is visible, and after every claim, unclaim or completion.
 */
@Component({
  selector: 'app-task-inbox-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTabsModule,
    RouterLink,
    TranslocoPipe,
    StatePanel,
    TaskFilters,
    TaskList,
  ],
  providers: [InboxOptions],
  host: { class: 'app-task-inbox-page' },
  templateUrl: './task-inbox.page.html',
  styleUrl: './task-inbox.page.scss',
})
export class TaskInboxPage {
  private readonly api = inject(TaskApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly taskCount = inject(TaskCountStore);
  private readonly refreshes = new Subject<void>();
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  protected readonly session = inject(SessionStore);
  protected readonly options = inject(InboxOptions);
  protected readonly canSeeAll = inject(AbilityStore).can('manage', 'Task');
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly query = toSignal(this.route.queryParamMap.pipe(map(parseInboxQuery)), {
    requireSync: true,
  });
  protected readonly result = signal<ListResult | null>(null);
  protected readonly isLoading = signal(true);
  protected readonly busyTaskId = signal<Id | null>(null);
  protected readonly now = signal(Date.now());

  /** The page to show: the last one loaded, even while the next load is in flight. */
  protected readonly page = computed(() => this.result()?.page ?? null);

  constructor() {
    this.pollList();
    this.openLinkedTask();
    this.options.follow(this.query);
  }

  protected changeFilters(changes: Partial<TaskQuery>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: toInboxParams(changes),
      queryParamsHandling: 'merge',
    });
  }

  private clearTaskLink(): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { task: null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected changePage(event: PageEvent): void {
    this.changeFilters({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected refresh(): void {
    this.refreshes.next();
    this.taskCount.refresh();
  }

  protected claim(task: Task): void {
    this.busyTaskId.set(task.id);
    this.api.claim(task.id).subscribe({
      // The claimed task leaves the claimable tab, so the notice offers to open it at once.
      next: (claimed) =>
        this.afterAction('task.claimed', 'task.open')
          .onAction()
          .subscribe(() => this.open(claimed)),
      error: (error: unknown) => this.afterFailure(error),
    });
  }

  protected unclaim(task: Task): void {
    this.busyTaskId.set(task.id);
    this.api.unclaim(task.id).subscribe({
      next: () => this.afterAction('task.unclaimed'),
      error: (error: unknown) => this.afterFailure(error),
    });
  }

  /** Opens `task` in the dialog; a task opened from a link clears the link when it closes. */
  protected open(task: Task, isLinked = false): void {
    const dialogRef = this.dialog.open<TaskDialog, unknown, TaskDialogResult>(TaskDialog, {
      data: { task },
      width: '960px',
      maxWidth: '100vw',
      panelClass: 'app-task-dialog-pane',
      autoFocus: 'dialog',
      // The shell's injector carries the form field defaults into the dialog.
      injector: this.injector,
    });
    dialogRef.afterClosed().subscribe((result) => {
      if (isLinked) this.clearTaskLink();
      if (result === 'completed') this.afterAction('task.completed');
      else if (result === 'conflict') this.afterAction('task.error.conflict');
      else if (result) this.refresh();
    });
  }

  // The stage page links to `/tasks?task=<id>` to open one task here.
  private openLinkedTask(): void {
    this.route.queryParamMap
      .pipe(
        map((params) => params.get('task')),
        distinctUntilChanged(),
        filter((taskId): taskId is string => taskId !== null),
        switchMap((taskId) => this.api.get(taskId).pipe(catchError(() => of(null)))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((task) => {
        if (task?.status === 'open') return this.open(task, true);
        this.snackBar.open(this.transloco.translate('task.notFound'), undefined, {
          duration: 4000,
        });
        this.clearTaskLink();
      });
  }

  private pollList(): void {
    const query$ = toQueryStream(
      this.route.queryParamMap.pipe(map(parseInboxQuery)),
      this.refreshes,
    );
    pollWhileVisible(query$, (query) => this.load(query), {
      visible$: inject(PAGE_VISIBLE),
      intervalMs: inject(POLL_INTERVAL),
    })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) => {
        this.result.set(result);
        this.isLoading.set(false);
        this.now.set(Date.now());
      });
  }

  private load(query: TaskQuery): Observable<ListResult> {
    this.isLoading.set(true);
    return this.api.list(query).pipe(
      map((page) => ({ query, page, problem: null })),
      catchError((error: unknown) => of({ query, page: null, problem: toProblem(error) })),
    );
  }

  private afterAction(messageKey: string, actionKey?: string): MatSnackBarRef<TextOnlySnackBar> {
    this.busyTaskId.set(null);
    this.refresh();
    const action = actionKey ? this.transloco.translate(actionKey) : undefined;
    return this.snackBar.open(this.transloco.translate(messageKey), action, { duration: 6000 });
  }

  private afterFailure(error: unknown): void {
    const problem = toProblem(error);
    this.afterAction(problem.status === 409 ? 'task.error.taken' : 'common.error.unexpectedShort');
  }
}

// A manual refresh emits the current query again, which restarts the polling cycle.
function toQueryStream(
  query$: Observable<TaskQuery>,
  refreshes: Observable<void>,
): Observable<TaskQuery> {
  return combineLatest([query$, refreshes.pipe(startWith(undefined))]).pipe(
    map(([query]) => query),
  );
}
