import type { Knex } from 'knex';
import { ConflictError, NotFoundError } from '../platform/errors/app-errors';
import type { FormField } from './activity-spec';
import { validateFormValues } from './form-values';
import { runInstanceCommand } from './instance-command';
import type { CommandActor, TaskCompletion } from './process-runtime';
import { EngineRunError } from './runtime.errors';

interface TaskRow {
  id: number;
  instance_id: number;
  stage_id: number;
  activity_id: string;
  execution_id: string;
  name: string;
  phase: string;
  status: 'open' | 'completed' | 'cancelled';
  assignee_id: number | null;
  completed_by: number | null;
  completed_at: Date | null;
  form: { fields: FormField[] };
}

interface PostponedApi {
  id: string;
  executionId: string;
  signal(message: unknown): void;
}

/**
 * Completes an open user task: validates the values against its form before anything is locked,
 * then, under the instance lock, checks the task is still open and not claimed by someone else,
 * signals the engine and records who completed it with which values.
 */
export async function completeTask(
  knex: Knex,
  taskId: number,
  values: Record<string, unknown>,
  actor: CommandActor,
): Promise<TaskCompletion> {
  const task = (await knex('tasks').where({ id: taskId }).first()) as TaskRow | undefined;
  if (!task) throw new NotFoundError('Task', taskId);
  assertOpen(task);
  const normalised = validateFormValues(task.form.fields, values);

  return runInstanceCommand(task.instance_id, { knex, actorId: actor.userId }, async (scope) => {
    const current = (await scope.trx('tasks').where({ id: taskId }).forUpdate().first()) as TaskRow;
    assertOpen(current);
    if (current.assignee_id !== null && current.assignee_id !== actor.userId) {
      throw new ConflictError(`Task ${taskId} is claimed by another user; ask them or an admin.`, {
        taskId,
      });
    }

    const postponed = scope.engine.execution.getPostponed() as unknown as PostponedApi[];
    const waiting = postponed.find((api) => api.executionId === current.execution_id);
    if (!waiting) {
      throw new EngineRunError(
        `Task ${taskId} (${current.activity_id}) is open but its instance is not waiting on it.`,
        current.activity_id,
      );
    }

    await scope
      .trx('tasks')
      .where({ id: taskId })
      .update({
        status: 'completed',
        values: JSON.stringify(normalised),
        completed_by: actor.userId,
        completed_at: scope.trx.fn.now(),
        assignee_id: current.assignee_id ?? actor.userId,
      });
    scope.effects.history.push({
      type: 'task.completed',
      activityId: current.activity_id,
      activityName: current.name,
      phase: current.phase,
      data: { taskId, values: normalised },
    });
    waiting.signal(normalised);
    return { taskId, instanceId: current.instance_id };
  }).then(async (completion) => ({
    ...completion,
    instanceStatus: await readInstanceStatus(knex, completion.instanceId),
  }));
}

function assertOpen(task: TaskRow): void {
  if (task.status === 'open') return;
  throw new ConflictError(
    `Task ${task.id} is already ${task.status}; reload the inbox to see the current tasks.`,
    { taskId: task.id, status: task.status, completedBy: task.completed_by },
  );
}

async function readInstanceStatus(
  knex: Knex,
  instanceId: number,
): Promise<TaskCompletion['instanceStatus']> {
  const row = (await knex('process_instances').where({ id: instanceId }).first('status')) as {
    status: TaskCompletion['instanceStatus'];
  };
  return row.status;
}
