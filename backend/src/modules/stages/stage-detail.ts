import type { Knex } from 'knex';
import { selectTaskRows, toTaskItem, type TaskItem, type TaskRow } from '../tasks/task-rows';
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

// Supervisors of the care unit, coordinators of the hospital and of the school, by role.
async function loadParticipants(knex: Knex, stage: StageItem): Promise<Participant[]> {
  const student = (await knex('students')
    .where({ id: stage.student.id })
    .first('first_name', 'last_name', 'school_email')) as StudentContactRow;
  const users = (await knex('users')
    .where((builder) => {
      builder
        .where((inner) => {
          inRole(inner, 'supervisor').where('care_unit_id', stage.careUnit.id);
        })
        .orWhere((inner) => {
          inRole(inner, 'hospital_coordinator').where('institution_id', stage.hospital.id);
        })
        .orWhere((inner) => {
          inRole(inner, 'school_coordinator').where('institution_id', stage.school.id);
        });
    })
    .orderBy([{ column: 'name' }, { column: 'id' }])
    .select('id', 'name', 'email', 'roles', 'care_unit_id', 'institution_id')) as UserRow[];

  const studentEntry: Participant = {
    role: 'student',
    userId: null,
    name: `${student.first_name} ${student.last_name}`,
    email: student.school_email,
  };
  return [studentEntry, ...STAFF_ROLES.flatMap((role) => staffOf(users, role, stage))];
}

const STAFF_ROLES = ['supervisor', 'hospital_coordinator', 'school_coordinator'] as const;

function inRole(builder: Knex.QueryBuilder, role: string): Knex.QueryBuilder {
  return builder.whereRaw('? = ANY(roles)', [role]);
}

function staffOf(
  users: UserRow[],
  role: (typeof STAFF_ROLES)[number],
  stage: StageItem,
): Participant[] {
  const scopeMatches: Record<typeof role, (user: UserRow) => boolean> = {
    supervisor: (user) => user.care_unit_id === stage.careUnit.id,
    hospital_coordinator: (user) => user.institution_id === stage.hospital.id,
    school_coordinator: (user) => user.institution_id === stage.school.id,
  };
  return users
    .filter((user) => user.roles.includes(role) && scopeMatches[role](user))
    .map((user) => ({ role, userId: user.id, name: user.name, email: user.email }));
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

interface StudentContactRow {
  first_name: string;
  last_name: string;
  school_email: string;
}

interface UserRow {
  id: number;
  name: string;
  email: string;
  roles: string[];
  care_unit_id: number | null;
  institution_id: number | null;
}
