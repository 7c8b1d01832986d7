import type { Role } from '../../backend/src/platform/permissions/roles';
import { MAIN_PATH_VALUES } from './lifecycle-driver';
import type { TestClient } from './test-users';

/** Who completes each user task of the default process, as a signed-in role. */
export const TASK_ROLES: Record<string, Role> = {
  review_request: 'hospital_coordinator',
  prepare_badge: 'badge_manager',
  assign_locker: 'hospital_coordinator',
  check_hygiene: 'hygienist',
  confirm_execution: 'supervisor',
  validate_stage: 'supervisor',
  evaluate_by_hospital: 'supervisor',
  evaluate_by_student: 'student',
  recruitment_decision: 'hospital_coordinator',
};

/** A task as GET /api/tasks lists it. */
interface ListedTask {
  id: number;
  stageId: number;
  activityId: string;
}

/** Returns the open tasks of a stage that `client` may see, by activity id. */
export async function listStageTasks(client: TestClient, stageId: number): Promise<ListedTask[]> {
  const response = await client.get(`/api/tasks?scope=all&stageId=${stageId}&pageSize=100`);
  if (response.status !== 200) {
    throw new Error(`GET /api/tasks answered ${response.status}: ${await response.text()}`);
  }
  return ((await response.json()) as { items: ListedTask[] }).items;
}

/**
 * Waits until `client` sees the open `activityId` task of the stage (the job worker and the
 * scheduler advance instances in the background), then returns it.
 */
export async function waitForTask(
  client: TestClient,
  stageId: number,
  activityId: string,
  timeoutMs = 20_000,
): Promise<ListedTask> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = (await listStageTasks(client, stageId)).find(
      (candidate) => candidate.activityId === activityId,
    );
    if (task) return task;
    if (Date.now() > deadline) {
      throw new Error(`Stage ${stageId} has no open ${activityId} task after ${timeoutMs} ms.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Claims and completes the `activityId` task of the stage as `client`, with main-path values. */
export async function completeOverHttp(
  client: TestClient,
  stageId: number,
  activityId: string,
  values = MAIN_PATH_VALUES[activityId] ?? {},
): Promise<void> {
  const task = await waitForTask(client, stageId, activityId);
  const claim = await client.post(`/api/tasks/${task.id}/claim`);
  if (claim.status !== 200) {
    throw new Error(`Claiming ${activityId} answered ${claim.status}: ${await claim.text()}`);
  }
  const completion = await client.post(`/api/tasks/${task.id}/complete`, { values });
  if (completion.status !== 200) {
    throw new Error(
      `Completing ${activityId} answered ${completion.status}: ${await completion.text()}`,
    );
  }
}
