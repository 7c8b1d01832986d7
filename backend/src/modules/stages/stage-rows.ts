import type { Knex } from 'knex';
import type { AppAbility } from '../../platform/permissions/ability';
import { whereAllowed } from '../../platform/permissions/sql-filter';

/** A stage as the API returns it, with the names of the rows it refers to. */
export interface StageItem {
  id: number;
  phase: string;
  status: 'active' | 'refused' | 'completed' | 'cancelled';
  /** Calendar days, `YYYY-MM-DD`. */
  startDate: string;
  endDate: string;
  motivation: string | null;
  refusalReason: string | null;
  requesterRole: string;
  processInstanceId: number | null;
  createdAt: Date;
  updatedAt: Date;
  student: { id: number; firstName: string; lastName: string; matricule: string };
  careUnit: { id: number; name: string; department: string; campusId: number; campusName: string };
  hospital: { id: number; name: string };
  school: { id: number; name: string };
  programme: { id: number; name: string };
}

/** The columns {@link selectStages} adds, as the driver returns them. */
export interface StageRow {
  id: number;
  phase: string;
  status: StageItem['status'];
  start_date: string;
  end_date: string;
  motivation: string | null;
  refusal_reason: string | null;
  requester_role: string;
  process_instance_id: number | null;
  created_at: Date;
  updated_at: Date;
  student_id: number;
  student_first_name: string;
  student_last_name: string;
  student_matricule: string;
  care_unit_id: number;
  care_unit_name: string;
  care_unit_department: string;
  campus_id: number;
  campus_name: string;
  hospital_id: number;
  hospital_name: string;
  school_id: number;
  school_name: string;
  programme_id: number;
  programme_name: string;
}

/**
 * Starts a query of the stages (alias `s`) that `ability` may read, joined with the rows whose
 * names a stage item shows (`st`, `cu`, `ca`, `h`, `sc`, `p`) and selecting {@link StageRow}.
 */
export function selectStages(knex: Knex, ability: AppAbility): Knex.QueryBuilder {
  return whereAllowed(knex('stages as s'), ability, 'read', 'Stage', 's')
    .join('students as st', 'st.id', 's.student_id')
    .join('care_units as cu', 'cu.id', 's.care_unit_id')
    .join('campuses as ca', 'ca.id', 'cu.campus_id')
    .join('institutions as h', 'h.id', 's.hospital_id')
    .join('institutions as sc', 'sc.id', 's.school_id')
    .join('programmes as p', 'p.id', 's.programme_id')
    .select(STAGE_COLUMNS);
}

/** Converts a {@link StageRow} into the camelCase item of the API. */
export function toStageItem(row: StageRow): StageItem {
  return {
    id: row.id,
    phase: row.phase,
    status: row.status,
    startDate: row.start_date,
    endDate: row.end_date,
    motivation: row.motivation,
    refusalReason: row.refusal_reason,
    requesterRole: row.requester_role,
    processInstanceId: row.process_instance_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    student: {
      id: row.student_id,
      firstName: row.student_first_name,
      lastName: row.student_last_name,
      matricule: row.student_matricule,
    },
    careUnit: {
      id: row.care_unit_id,
      name: row.care_unit_name,
      department: row.care_unit_department,
      campusId: row.campus_id,
      campusName: row.campus_name,
    },
    hospital: { id: row.hospital_id, name: row.hospital_name },
    school: { id: row.school_id, name: row.school_name },
    programme: { id: row.programme_id, name: row.programme_name },
  };
}

const STAGE_COLUMNS = [
  's.id',
  's.phase',
  's.status',
  's.start_date',
  's.end_date',
  's.motivation',
  's.refusal_reason',
  's.requester_role',
  's.process_instance_id',
  's.created_at',
  's.updated_at',
  's.student_id',
  'st.first_name as student_first_name',
  'st.last_name as student_last_name',
  'st.matricule as student_matricule',
  's.care_unit_id',
  'cu.name as care_unit_name',
  'cu.department as care_unit_department',
  'cu.campus_id',
  'ca.name as campus_name',
  's.hospital_id',
  'h.name as hospital_name',
  's.school_id',
  'sc.name as school_name',
  's.programme_id',
  'p.name as programme_name',
];
