import type { JSONSchema, Modifiers, QueryBuilder, RelationMappings } from 'objection';
import { AppModel, belongsToOne, columnOf } from '../../platform/db/app.model';
import { User } from '../auth/user.model';
import { CareUnit } from '../reference/care-unit.model';
import { Institution } from '../reference/institution.model';
import { Student } from '../reference/student.model';
import { Stage } from '../stages/stage.model';
import type { TaskFormField } from './task-rows';

/** Statuses of a task, as in the `task_status` database type. */
export const TASK_STATUSES = ['open', 'completed', 'cancelled'] as const;

/**
 * A user task of a stage's process, offered to one role within one institution, care unit or
 * student. The runtime creates, completes and cancels tasks in its command transactions.
 */
export class Task extends AppModel {
  static override tableName = 'tasks';

  // Both jsonb columns hold objects.
  static override jsonAttributes = ['form', 'values'];

  declare id: number;
  declare instanceId: number;
  declare stageId: number;
  /** The BPMN element id of the user task. */
  declare activityId: string;
  /** bpmn-engine's execution id, by which a wait announced again after recovery finds its task. */
  declare executionId: string;
  declare name: string;
  declare phase: string;
  declare candidateRole: string;
  declare candidateInstitutionId: number | null;
  declare candidateUnitId: number | null;
  declare candidateStudentId: number | null;
  declare assigneeId: number | null;
  declare dueAt: Date | null;
  declare form: { fields: TaskFormField[] };
  declare status: (typeof TASK_STATUSES)[number];
  /** The values the task was completed with, null while open. */
  declare values: Record<string, unknown> | null;
  declare completedBy: number | null;
  declare completedAt: Date | null;
  declare createdAt: Date;

  declare stage?: Stage;
  declare candidateInstitution?: Institution | null;
  declare candidateUnit?: CareUnit | null;
  declare candidateStudent?: Student | null;
  declare assignee?: User | null;
  declare completer?: User | null;

  // The columns a claim and a completion write. The runtime writes the rest.
  static override jsonSchema: JSONSchema = {
    type: 'object',
    properties: {
      assigneeId: { type: ['integer', 'null'], minimum: 1 },
      values: { type: ['object', 'null'] },
    },
  };

  static override modifiers: Modifiers<QueryBuilder<Task>> = {
    /** Tasks waiting for someone to complete them. */
    open: (query) => {
      query.where(columnOf(query, 'status'), 'open');
    },
  };

  static override relationMappings = (): RelationMappings => ({
    stage: belongsToOne(Stage, 'tasks.stage_id', 'stages.id'),
    candidateInstitution: belongsToOne(
      Institution,
      'tasks.candidate_institution_id',
      'institutions.id',
    ),
    candidateUnit: belongsToOne(CareUnit, 'tasks.candidate_unit_id', 'care_units.id'),
    candidateStudent: belongsToOne(Student, 'tasks.candidate_student_id', 'students.id'),
    assignee: belongsToOne(User, 'tasks.assignee_id', 'users.id'),
    completer: belongsToOne(User, 'tasks.completed_by', 'users.id'),
  });
}
