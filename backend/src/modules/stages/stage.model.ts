import type {
  JSONSchema,
  Modifiers,
  QueryBuilder,
  RelationMapping,
  RelationMappings,
} from 'objection';
import { AppModel, belongsToOne, columnOf, hasMany } from '../../platform/db/app.model';
import type { Role } from '../../platform/permissions/roles';
import { User } from '../auth/user.model';
import { CareUnit } from '../reference/care-unit.model';
import { Institution } from '../reference/institution.model';
import { Programme } from '../reference/programme.model';
import { Student } from '../reference/student.model';
import { Task } from '../tasks/task.model';
import { STAGE_STATUSES } from './stages.schemas';

/** Roles in which someone can request a stage. */
export const REQUESTER_ROLES = ['student', 'school_coordinator'] as const;

/**
 * A stage (internship) of a student in a care unit, run by a process instance. The hospital,
 * school and programme are copied from the care unit and the student when the stage is
 * requested, so permission filters compare columns of this table.
 */
export class Stage extends AppModel {
  static override tableName = 'stages';

  declare id: number;
  declare studentId: number;
  declare careUnitId: number;
  declare hospitalId: number;
  declare schoolId: number;
  declare programmeId: number;
  /** Calendar days as `YYYY-MM-DD`. A CHECK constraint keeps the end on or after the start. */
  declare startDate: string;
  declare endDate: string;
  /** Set by the process: `request` first, `closed` at the end. */
  declare phase: string;
  declare status: (typeof STAGE_STATUSES)[number];
  declare motivation: string | null;
  declare refusalReason: string | null;
  declare requestedBy: number | null;
  declare requesterRole: (typeof REQUESTER_ROLES)[number];
  declare processInstanceId: number | null;
  declare createdAt: Date;
  declare updatedAt: Date;

  declare student?: Student;
  declare careUnit?: CareUnit;
  declare hospital?: Institution;
  declare school?: Institution;
  declare programme?: Programme;
  declare requester?: User | null;
  declare tasks?: Task[];
  /** Supervisors of the stage's care unit. */
  declare supervisors?: User[];
  /** Coordinators of the stage's hospital. */
  declare hospitalCoordinators?: User[];
  /** Coordinators of the stage's school. */
  declare schoolCoordinators?: User[];

  // The columns a stage request writes. The process writes later phases, status and refusal.
  static override jsonSchema: JSONSchema = {
    type: 'object',
    required: [
      'studentId',
      'careUnitId',
      'hospitalId',
      'schoolId',
      'programmeId',
      'startDate',
      'endDate',
      'phase',
      'requesterRole',
    ],
    properties: {
      studentId: { type: 'integer', minimum: 1 },
      careUnitId: { type: 'integer', minimum: 1 },
      hospitalId: { type: 'integer', minimum: 1 },
      schoolId: { type: 'integer', minimum: 1 },
      programmeId: { type: 'integer', minimum: 1 },
      startDate: { type: 'string', format: 'date' },
      endDate: { type: 'string', format: 'date' },
      phase: { type: 'string', minLength: 1 },
      motivation: { type: ['string', 'null'], maxLength: 4000 },
      requestedBy: { type: ['integer', 'null'], minimum: 1 },
      requesterRole: { type: 'string', enum: [...REQUESTER_ROLES] },
    },
  };

  static override modifiers: Modifiers<QueryBuilder<Stage>> = {
    /** Stages whose process still runs. */
    active: (query) => {
      query.where(columnOf(query, 'status'), 'active');
    },
  };

  static override relationMappings = (): RelationMappings => ({
    student: belongsToOne(Student, 'stages.student_id', 'students.id'),
    careUnit: belongsToOne(CareUnit, 'stages.care_unit_id', 'care_units.id'),
    hospital: belongsToOne(Institution, 'stages.hospital_id', 'institutions.id'),
    school: belongsToOne(Institution, 'stages.school_id', 'institutions.id'),
    programme: belongsToOne(Programme, 'stages.programme_id', 'programmes.id'),
    requester: belongsToOne(User, 'stages.requested_by', 'users.id'),
    tasks: hasMany(Task, 'stages.id', 'tasks.stage_id'),
    supervisors: staff('supervisor', 'stages.care_unit_id', 'users.care_unit_id'),
    hospitalCoordinators: staff(
      'hospital_coordinator',
      'stages.hospital_id',
      'users.institution_id',
    ),
    schoolCoordinators: staff('school_coordinator', 'stages.school_id', 'users.institution_id'),
  });
}

// helpers

// The users holding `role` whose affiliation column `to` equals the stage's column `from`.
function staff(role: Role, from: string, to: string): RelationMapping<User> {
  return {
    ...hasMany(User, from, to),
    modify: (query: QueryBuilder<User>) => {
      User.whereHasRole(query, role);
    },
  };
}
