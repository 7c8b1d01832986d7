import { ForbiddenError } from '@casl/ability';
import type { Knex } from 'knex';
import {
  ConflictError,
  ForbiddenActionError,
  NotFoundError,
} from '../../platform/errors/app-errors';
import type { AuthenticatedUser } from '../../platform/http/app-context';
import { createLogger } from '../../platform/logging/logger';
import type { AppAbility } from '../../platform/permissions/ability';
import type { Role } from '../../platform/permissions/roles';
import { whereAllowed } from '../../platform/permissions/sql-filter';
import type { ProcessRuntime, TaskCompletion } from '../../runtime/process-runtime';
import { fetchPage, type Page } from '../reference/list-query';
import { applyTaskFilters, applyTaskScope, orderTasks } from './task-filters';
import { selectTaskRows, taskSubject, toTaskItem, type TaskItem, type TaskRow } from './task-rows';
import type { TaskListQuery } from './tasks.schemas';

const log = createLogger('server:tasks');

/** Roles that may release a task claimed by a colleague who shares its candidate scope. */
const COORDINATOR_ROLES: readonly Role[] = ['hospital_coordinator', 'school_coordinator'];

/** The signed-in user and their ability, as every task operation needs both. */
export interface TaskActor {
  user: AuthenticatedUser;
  ability: AppAbility;
}

/** Body of `POST /api/tasks/:id/complete`. */
export interface TaskCompletionResult {
  task: TaskItem;
  instanceStatus: TaskCompletion['instanceStatus'];
}

/** Lists the tasks of the user's inbox scope that they may read, filtered and paginated. */
export async function listTasks(
  knex: Knex,
  actor: TaskActor,
  query: TaskListQuery,
): Promise<Page<TaskItem>> {
  ForbiddenError.from(actor.ability).throwUnlessCan('read', 'Task');
  const filtered = readableTasks(knex, actor.ability).modify((builder) => {
    applyTaskScope(builder, query.scope, actor);
    applyTaskFilters(knex, builder, query);
  });
  return fetchPage(filtered, query, (builder) => orderTasks(builder, query.sort), toTaskItem);
}

/** Counts the open tasks assigned to the user or claimable by them, for the inbox badge. */
export async function countOpenTasks(knex: Knex, actor: TaskActor): Promise<{ open: number }> {
  const row = (await whereAllowed(knex('tasks as t'), actor.ability, 'read', 'Task', 't')
    .where('t.status', 'open')
    .modify((builder) => applyTaskScope(builder, 'all', actor))
    .count({ count: '*' })
    .first()) as { count: number | string } | undefined;
  return { open: Number(row?.count ?? 0) };
}

/** Loads one task the user may read; 404 for a task out of their reach. */
export async function getTask(knex: Knex, ability: AppAbility, taskId: number): Promise<TaskItem> {
  const row = (await readableTasks(knex, ability).where('t.id', taskId).first()) as
    TaskRow | undefined;
  if (!row) throw new NotFoundError('Task', taskId);
  return toTaskItem(row);
}

/**
 * Assigns an open task to the user. Claiming one's own task again changes nothing; a task
 * claimed by someone else, or no longer open, is a 409.
 */
export async function claimTask(knex: Knex, actor: TaskActor, taskId: number): Promise<TaskItem> {
  const task = await getTask(knex, actor.ability, taskId);
  ForbiddenError.from(actor.ability).throwUnlessCan('claim', taskSubject(task));
  assertOpen(task);
  if (task.assignee?.id === actor.user.id) return task;
  if (task.assignee) {
    throw new ConflictError(
      `Task ${taskId} is already claimed by ${task.assignee.name}; ask them to release it.`,
      { taskId, assigneeId: task.assignee.id },
    );
  }

  await knex.transaction(async (trx) => {
    const updated = await trx('tasks')
      .where({ id: taskId, status: 'open' })
      .whereNull('assignee_id')
      .update({ assignee_id: actor.user.id });
    if (updated === 0) throw changedMeanwhile(taskId);
    await appendTaskHistory(trx, task, 'task.claimed', actor.user.id, {});
  });
  log.info({ taskId, userId: actor.user.id }, 'task claimed');
  return getTask(knex, actor.ability, taskId);
}

/**
 * Gives a claimed task back to its candidates. Allowed to the assignee, to a coordinator who
 * could claim the task themselves, and to platform admins; releasing an unclaimed task changes
 * nothing.
 */
export async function unclaimTask(knex: Knex, actor: TaskActor, taskId: number): Promise<TaskItem> {
  const task = await getTask(knex, actor.ability, taskId);
  assertOpen(task);
  if (!task.assignee) return task;
  assertMayRelease(actor, task, task.assignee);

  await knex.transaction(async (trx) => {
    const updated = await trx('tasks')
      .where({ id: taskId, status: 'open', assignee_id: task.assignee!.id })
      .update({ assignee_id: null });
    if (updated === 0) throw changedMeanwhile(taskId);
    await appendTaskHistory(trx, task, 'task.unclaimed', actor.user.id, {
      previousAssigneeId: task.assignee!.id,
    });
  });
  log.info(
    { taskId, userId: actor.user.id, previousAssigneeId: task.assignee.id },
    'task released',
  );
  return getTask(knex, actor.ability, taskId);
}

/**
 * Completes a task the user may complete with form `values`. The runtime validates them (400 on
 * `values.<field>`) and throws a 409 ConflictError when the task is closed, claimed by someone else or its
 * instance is busy with another command.
 */
export async function completeTask(
  deps: { knex: Knex; runtime: ProcessRuntime },
  actor: TaskActor,
  taskId: number,
  values: Record<string, unknown>,
): Promise<TaskCompletionResult> {
  const task = await getTask(deps.knex, actor.ability, taskId);
  ForbiddenError.from(actor.ability).throwUnlessCan('complete', taskSubject(task));

  const completion = await deps.runtime.completeTask(taskId, values, { userId: actor.user.id });
  log.info({ taskId, userId: actor.user.id, stageId: task.stageId }, 'task completed');
  return {
    task: await getTask(deps.knex, actor.ability, taskId),
    instanceStatus: completion.instanceStatus,
  };
}

// helpers

function readableTasks(knex: Knex, ability: AppAbility): Knex.QueryBuilder {
  return whereAllowed(selectTaskRows(knex), ability, 'read', 'Task', 't');
}

function assertOpen(task: TaskItem): void {
  if (task.status === 'open') return;
  throw new ConflictError(
    `Task ${task.id} is already ${task.status}; reload the inbox to see the current tasks.`,
    { taskId: task.id, taskStatus: task.status },
  );
}

function assertMayRelease(
  actor: TaskActor,
  task: TaskItem,
  assignee: { id: number; name: string },
): void {
  if (assignee.id === actor.user.id) return;

  const row = taskSubject(task);
  // Only platform admins hold `manage` on tasks.
  if (actor.ability.can('manage', row)) return;
  const isCoordinator = actor.user.roles.some((role) => COORDINATOR_ROLES.includes(role));
  if (isCoordinator && actor.ability.can('claim', row)) return;

  throw new ForbiddenActionError(
    `Task ${task.id} is claimed by ${assignee.name}; only they, a coordinator who may claim ` +
      'this task, or a platform admin can release it.',
  );
}

function changedMeanwhile(taskId: number): ConflictError {
  return new ConflictError(
    `Task ${taskId} changed while this request ran; reload it and try again.`,
    { taskId },
  );
}

async function appendTaskHistory(
  trx: Knex.Transaction,
  task: TaskItem,
  type: 'task.claimed' | 'task.unclaimed',
  actorId: number,
  data: Record<string, unknown>,
): Promise<void> {
  await trx('process_history').insert({
    instance_id: task.instanceId,
    stage_id: task.stageId,
    type,
    activity_id: task.activityId,
    activity_name: task.name,
    phase: task.phase,
    actor_id: actorId,
    data: JSON.stringify({ taskId: task.id, ...data }),
  });
}
