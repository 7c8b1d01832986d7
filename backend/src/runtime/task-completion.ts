import type { Knex } from 'knex';
import { ConflictError, NotFoundError } from '../platform/errors/app-errors';
import type { FormField } from './activity-spec';
import { validateFormValues } from './form-values';
import { runInstanceCommand } from './instance-command';
import type { CommandActor, TaskCompletion } from './process-runtime';
import { EngineRunError, InstanceBusyError } from './runtime.errors';

// A command keeps the instance locked for tens of milliseconds. A completion that finds the job
// worker or the scheduler on the instance waits these delays in turn, then gives up with a 409.
const BUSY_RETRY_DELAYS_MS = [20, 50, 100, 200, 400];

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
 * Completes an open user task. The values are validated against its form before anything is
 * locked. Under the instance lock, the task must still be open and not claimed by another user;
 * then the engine is signalled and the completion recorded with its user and values.
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

  const completion = await retryWhileBusy(() =>
    runInstanceCommand(task.instance_id, { knex, actorId: actor.userId }, async (scope) => {
      const current = (await scope
        .trx('tasks')
        .where({ id: taskId })
        .forUpdate()
        .first()) as TaskRow;
      assertOpen(current);
      if (current.assignee_id !== null && current.assignee_id !== actor.userId) {
        throw new ConflictError(
          `Task ${taskId} is claimed by another user; ask them or an admin.`,
          {
            taskId,
          },
        );
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
    }),
  );
  return { ...completion, instanceStatus: await readInstanceStatus(knex, completion.instanceId) };
}

async function retryWhileBusy<T>(command: () => Promise<T>): Promise<T> {
  for (const delayMs of BUSY_RETRY_DELAYS_MS) {
    try {
      return await command();
    } catch (error) {
      if (!(error instanceof InstanceBusyError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
  return command();
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
