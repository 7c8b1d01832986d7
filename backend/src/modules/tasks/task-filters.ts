import type { Knex } from 'knex';
import type { AuthenticatedUser } from '../../platform/http/app-context';
import type { AppAbility } from '../../platform/permissions/ability';
import { whereAllowed } from '../../platform/permissions/sql-filter';
import { whereMatches, type SearchTarget } from '../reference/list-query';
import type { TaskListQuery, TaskScope, TaskSort } from './tasks.schemas';

/**
 * Restricts a task query (alias `t`) to an inbox scope: `mine` is assigned to the user,
 * `claimable` is unassigned with `claim` allowed, `all` is either. Callers still add the
 * `read` filter, so a task assigned to the user but outside their rules stays hidden.
 */
export function applyTaskScope(
  builder: Knex.QueryBuilder,
  scope: TaskScope,
  actor: { user: AuthenticatedUser; ability: AppAbility },
): void {
  const claimable = (inner: Knex.QueryBuilder): void => {
    whereAllowed(inner.whereNull('t.assignee_id'), actor.ability, 'claim', 'Task', 't');
  };

  switch (scope) {
    case 'mine':
      builder.where('t.assignee_id', actor.user.id);
      return;
    case 'claimable':
      builder.where(claimable);
      return;
    case 'all':
      builder.where((inner) => {
        inner.where('t.assignee_id', actor.user.id).orWhere(claimable);
      });
      return;
  }
}

/** Adds the filters of `GET /api/tasks` other than the scope (status, stage fields, dates). */
export function applyTaskFilters(
  knex: Knex,
  builder: Knex.QueryBuilder,
  query: TaskListQuery,
): void {
  builder.where('t.status', query.status);
  if (query.phase) builder.where('t.phase', query.phase);
  if (query.stageId) builder.where('t.stage_id', query.stageId);
  if (query.careUnitId) builder.where('s.care_unit_id', query.careUnitId);
  if (query.hospitalId) builder.where('s.hospital_id', query.hospitalId);
  if (query.schoolId) builder.where('s.school_id', query.schoolId);
  if (query.programmeId) builder.where('s.programme_id', query.programmeId);
  if (query.dueBefore) builder.where('t.due_at', '<', startOfNextDay(query.dueBefore));
  applyOverdue(knex, builder, query.overdue);

  whereMatches(builder, SEARCH_TARGETS, query.q);
}

/** Orders tasks by `sort`, then by id; tasks without a due date come last by due date. */
export function orderTasks(builder: Knex.QueryBuilder, sort: TaskSort): Knex.QueryBuilder {
  switch (sort) {
    case 'dueAt':
      return builder.orderByRaw('t.due_at ASC NULLS LAST, t.id ASC');
    case '-dueAt':
      return builder.orderByRaw('t.due_at DESC NULLS LAST, t.id DESC');
    case 'createdAt':
      return builder.orderBy([{ column: 't.created_at' }, { column: 't.id' }]);
    case '-createdAt':
      return builder.orderBy([
        { column: 't.created_at', order: 'desc' },
        { column: 't.id', order: 'desc' },
      ]);
  }
}

// Student name or matricule, or the task's name.
const SEARCH_TARGETS: SearchTarget[] = [
  'st.first_name',
  'st.last_name',
  'st.matricule',
  { joined: ['st.first_name', 'st.last_name'] },
  't.name',
];

function applyOverdue(knex: Knex, builder: Knex.QueryBuilder, overdue: boolean | undefined): void {
  if (overdue === true) builder.where('t.due_at', '<', knex.fn.now());
  if (overdue === false) {
    builder.where((inner) => {
      inner.whereNull('t.due_at').orWhere('t.due_at', '>=', knex.fn.now());
    });
  }
}

// `dueBefore` names a UTC calendar day and includes it, so the bound is the next midnight.
function startOfNextDay(day: string): Date {
  return new Date(Date.parse(day) + 86_400_000);
}
