import type { Knex } from 'knex';
import { subject } from '../../platform/permissions/ability';

/** One field of a task's form, as the runtime stores it from the BPMN definition. */
export interface TaskFormField {
  name: string;
  type: string;
  required: boolean;
  options: string[];
  label: string | null;
}

/** A user task as the API returns it, with a summary of its stage. */
export interface TaskItem {
  id: number;
  stageId: number;
  instanceId: number;
  activityId: string;
  name: string;
  phase: string;
  status: 'open' | 'completed' | 'cancelled';
  candidateRole: string;
  candidateInstitutionId: number | null;
  candidateUnitId: number | null;
  candidateStudentId: number | null;
  assignee: { id: number; name: string } | null;
  dueAt: Date | null;
  createdAt: Date;
  form: { fields: TaskFormField[] };
  /** The values it was completed with; null while open. */
  values: Record<string, unknown> | null;
  completedBy: { id: number; name: string } | null;
  completedAt: Date | null;
  stage: {
    id: number;
    phase: string;
    startDate: string;
    endDate: string;
    student: { id: number; firstName: string; lastName: string };
    careUnit: { id: number; name: string };
    hospital: { id: number; name: string };
    school: { id: number; name: string };
    programme: { id: number; name: string };
  };
}

/** The columns {@link selectTaskRows} adds, as the driver returns them. */
export interface TaskRow {
  id: number;
  stage_id: number;
  instance_id: number;
  activity_id: string;
  name: string;
  phase: string;
  status: TaskItem['status'];
  candidate_role: string;
  candidate_institution_id: number | null;
  candidate_unit_id: number | null;
  candidate_student_id: number | null;
  assignee_id: number | null;
  assignee_name: string | null;
  due_at: Date | null;
  created_at: Date;
  form: { fields: TaskFormField[] };
  values: Record<string, unknown> | null;
  completed_by: number | null;
  completed_by_name: string | null;
  completed_at: Date | null;
  stage_phase: string;
  start_date: string;
  end_date: string;
  student_id: number;
  student_first_name: string;
  student_last_name: string;
  care_unit_id: number;
  care_unit_name: string;
  hospital_id: number;
  hospital_name: string;
  school_id: number;
  school_name: string;
  programme_id: number;
  programme_name: string;
}

/**
 * Starts a query of tasks (alias `t`) joined with their stage (`s`), its student (`st`), care
 * unit (`cu`), hospital (`h`), school (`sc`), programme (`p`) and the assignee (`a`) and
 * completer (`cb`), selecting {@link TaskRow}. It filters nothing: callers add `whereAllowed`.
 */
export function selectTaskRows(knex: Knex): Knex.QueryBuilder {
  return knex('tasks as t')
    .join('stages as s', 's.id', 't.stage_id')
    .join('students as st', 'st.id', 's.student_id')
    .join('care_units as cu', 'cu.id', 's.care_unit_id')
    .join('institutions as h', 'h.id', 's.hospital_id')
    .join('institutions as sc', 'sc.id', 's.school_id')
    .join('programmes as p', 'p.id', 's.programme_id')
    .leftJoin('users as a', 'a.id', 't.assignee_id')
    .leftJoin('users as cb', 'cb.id', 't.completed_by')
    .select(TASK_COLUMNS);
}

/** Converts a {@link TaskRow} into the camelCase item of the API. */
export function toTaskItem(row: TaskRow): TaskItem {
  return {
    id: row.id,
    stageId: row.stage_id,
    instanceId: row.instance_id,
    activityId: row.activity_id,
    name: row.name,
    phase: row.phase,
    status: row.status,
    candidateRole: row.candidate_role,
    candidateInstitutionId: row.candidate_institution_id,
    candidateUnitId: row.candidate_unit_id,
    candidateStudentId: row.candidate_student_id,
    assignee: namedUser(row.assignee_id, row.assignee_name),
    dueAt: row.due_at,
    createdAt: row.created_at,
    form: row.form,
    values: row.values,
    completedBy: namedUser(row.completed_by, row.completed_by_name),
    completedAt: row.completed_at,
    stage: {
      id: row.stage_id,
      phase: row.stage_phase,
      startDate: row.start_date,
      endDate: row.end_date,
      student: {
        id: row.student_id,
        firstName: row.student_first_name,
        lastName: row.student_last_name,
      },
      careUnit: { id: row.care_unit_id, name: row.care_unit_name },
      hospital: { id: row.hospital_id, name: row.hospital_name },
      school: { id: row.school_id, name: row.school_name },
      programme: { id: row.programme_id, name: row.programme_name },
    },
  };
}

/** Tags a task item for ability checks on its candidate fields, such as `claim`. */
export function taskSubject(task: TaskItem) {
  return subject('Task', {
    id: task.id,
    candidateRole: task.candidateRole,
    candidateInstitutionId: task.candidateInstitutionId,
    candidateUnitId: task.candidateUnitId,
    candidateStudentId: task.candidateStudentId,
    assigneeId: task.assignee?.id ?? null,
    status: task.status,
  });
}

function namedUser(id: number | null, name: string | null): { id: number; name: string } | null {
  return id === null ? null : { id, name: name ?? '' };
}

const TASK_COLUMNS = [
  't.id',
  't.stage_id',
  't.instance_id',
  't.activity_id',
  't.name',
  't.phase',
  't.status',
  't.candidate_role',
  't.candidate_institution_id',
  't.candidate_unit_id',
  't.candidate_student_id',
  't.assignee_id',
  'a.name as assignee_name',
  't.due_at',
  't.created_at',
  't.form',
  't.values',
  't.completed_by',
  'cb.name as completed_by_name',
  't.completed_at',
  's.phase as stage_phase',
  's.start_date',
  's.end_date',
  's.student_id',
  'st.first_name as student_first_name',
  'st.last_name as student_last_name',
  's.care_unit_id',
  'cu.name as care_unit_name',
  's.hospital_id',
  'h.name as hospital_name',
  's.school_id',
  'sc.name as school_name',
  's.programme_id',
  'p.name as programme_name',
];
