import type { Knex } from 'knex';
import type { User } from '../auth/user.model';
import { selectTaskRows, toTaskItem, type TaskItem, type TaskRow } from '../tasks/task-rows';
import { Stage } from './stage.model';
import type { StageItem } from './stage-rows';

/** One entry of a stage's process history, oldest first. */
export interface HistoryEntry {
  id: number;
  at: Date;
  /** Such as `instance.started`, `task.created`, `task.claimed`, `task.completed`. */
  type: string;
  activityId: string | null;
  activityName: string | null;
  phase: string | null;
  actor: { id: number; name: string } | null;
  data: Record<string, unknown>;
}

/** Someone taking part in a stage, with the role in which they take part. */
export interface Participant {
  role: 'student' | 'supervisor' | 'hospital_coordinator' | 'school_coordinator';
  /** The user account; null for the student, who is identified by the student record. */
  userId: number | null;
  name: string;
  email: string;
}

/** A stage with its history, its open and completed tasks and its participants. */
export interface StageDetail extends StageItem {
  history: HistoryEntry[];
  tasks: TaskItem[];
  participants: Participant[];
}

/**
 * Loads what the detail view shows beside the stage. The caller has already checked that the
 * user may read the stage; everything here belongs to that stage, so nothing is filtered again.
 */
export async function loadStageDetail(knex: Knex, stage: StageItem): Promise<StageDetail> {
  // NOTE: every reader of the stage gets the values of all its tasks, here and in the history,
  // because the requester must read the reviewer's question. A form field meant for one side
  // only (a hygienist's notes, say) would need a field-level rule that does not exist yet.
  const [history, tasks, participants] = await Promise.all([
    loadHistory(knex, stage.id),
    loadStageTasks(knex, stage.id),
    loadParticipants(knex, stage),
  ]);
  return { ...stage, history, tasks, participants };
}

async function loadHistory(knex: Knex, stageId: number): Promise<HistoryEntry[]> {
  const rows = (await knex('process_history as ph')
    .leftJoin('users as u', 'u.id', 'ph.actor_id')
    .where('ph.stage_id', stageId)
    .orderBy('ph.id')
    .select(
      'ph.id',
      'ph.at',
      'ph.type',
      'ph.activity_id',
      'ph.activity_name',
      'ph.phase',
      'ph.actor_id',
      'u.name as actor_name',
      'ph.data',
    )) as HistoryRow[];

  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    type: row.type,
    activityId: row.activity_id,
    activityName: row.activity_name,
    phase: row.phase,
    actor: row.actor_id === null ? null : { id: row.actor_id, name: row.actor_name ?? '' },
    data: row.data,
  }));
}

// Cancelled tasks (the other branch of a boundary event, for example) are left out.
async function loadStageTasks(knex: Knex, stageId: number): Promise<TaskItem[]> {
  const rows = (await selectTaskRows(knex)
    .where('t.stage_id', stageId)
    .whereIn('t.status', ['open', 'completed'])
    .orderBy('t.id')) as TaskRow[];
  return rows.map(toTaskItem);
}

// The student, then the supervisors of the care unit and the coordinators of the hospital and
// of the school, each by name. A user holding two of these roles appears once for each.
async function loadParticipants(knex: Knex, item: StageItem): Promise<Participant[]> {
  // A model built from the item, which the caller has checked, saves reading the stage again.
  const stage = Stage.fromJson(
    {
      id: item.id,
      studentId: item.student.id,
      careUnitId: item.careUnit.id,
      hospitalId: item.hospital.id,
      schoolId: item.school.id,
    },
    { skipValidation: true },
  );
  const graph = await Stage.fetchGraph(stage, PARTICIPANT_GRAPH, { transaction: knex });
  // stages.student_id is a NOT NULL foreign key, so the student is always there.
  const student = graph.student!;

  return [
    {
      role: 'student',
      userId: null,
      name: `${student.firstName} ${student.lastName}`,
      email: student.schoolEmail,
    },
    ...toParticipants('supervisor', graph.supervisors),
    ...toParticipants('hospital_coordinator', graph.hospitalCoordinators),
    ...toParticipants('school_coordinator', graph.schoolCoordinators),
  ];
}

const PARTICIPANT_GRAPH =
  '[student(contact), supervisors(contact, byName), hospitalCoordinators(contact, byName), ' +
  'schoolCoordinators(contact, byName)]';

function toParticipants(role: Participant['role'], users: User[] | undefined): Participant[] {
  return (users ?? []).map((user) => ({
    role,
    userId: user.id,
    name: user.name,
    email: user.email,
  }));
}

interface HistoryRow {
  id: number;
  at: Date;
  type: string;
  activity_id: string | null;
  activity_name: string | null;
  phase: string | null;
  actor_id: number | null;
  actor_name: string | null;
  data: Record<string, unknown>;
}
