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

/** Options of {@link waitForTask} and {@link completeOverHttp}. */
export interface WaitOptions {
  timeoutMs?: number;
  /**
   * A platform admin who retries the stage's open incidents while waiting. A SIGKILL during a
   * service-task call leaves an incident by design (the call may or may not have taken
   * effect), and retrying it is how an operator resumes the stage.
   */
  admin?: TestClient;
  /** Called with each incident retried. */
  onRetry?: (incident: { id: number; activityId: string; error: string }) => void;
}

/**
 * Waits until `client` can list the open `activityId` task of the stage (the job worker and the
 * scheduler advance instances in the background), then returns it.
 */
export async function waitForTask(
  client: TestClient,
  stageId: number,
  activityId: string,
  options: WaitOptions = {},
): Promise<ListedTask> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = (await listStageTasks(client, stageId)).find(
      (candidate) => candidate.activityId === activityId,
    );
    if (task) return task;
    if (options.admin) await retryStageIncidents(options.admin, stageId, options.onRetry);
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
  options: WaitOptions = {},
): Promise<void> {
  const values = MAIN_PATH_VALUES[activityId] ?? {};
  const task = await waitForTask(client, stageId, activityId, options);
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

interface ListedIncident {
  id: number;
  activityId: string;
  error: string;
  stage: { id: number } | null;
}

async function retryStageIncidents(
  admin: TestClient,
  stageId: number,
  onRetry: WaitOptions['onRetry'],
): Promise<void> {
  const response = await admin.get('/api/incidents?status=open');
  const { items } = (await response.json()) as { items: ListedIncident[] };
  for (const incident of items.filter((item) => item.stage?.id === stageId)) {
    const retry = await admin.post(`/api/incidents/${incident.id}/retry`);
    if (retry.status === 200 || retry.status === 204) onRetry?.(incident);
  }
}
