import { ForbiddenError } from '@casl/ability';
import type { Knex } from 'knex';
import { whereAllowedRows } from '../../platform/db/app.model';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors/app-errors';
import type { AuthenticatedUser } from '../../platform/http/app-context';
import { createLogger } from '../../platform/logging/logger';
import { subject, type AppAbility } from '../../platform/permissions/ability';
import type { ProcessRuntime, StageVariables } from '../../runtime/process-runtime';
import { ProcessDefinition } from '../process-definitions/process-definition.model';
import { CareUnit } from '../reference/care-unit.model';
import { fetchPage, whereMatches, type Page, type SearchTarget } from '../reference/list-query';
import { Student } from '../reference/student.model';
import { loadStageDetail, type StageDetail } from './stage-detail';
import { Stage } from './stage.model';
import { selectStages, toStageItem, type StageItem, type StageRow } from './stage-rows';
import type { StageListQuery, StageRequest, StageSort } from './stages.schemas';

const log = createLogger('server:stages');

/** Key of the process definition every new stage runs. */
export const STAGE_PROCESS_KEY = 'stage-lifecycle';

/** Collaborators of {@link requestStage}. */
export interface StageRequestDeps {
  knex: Knex;
  runtime: ProcessRuntime;
}

/**
 * Requests a stage: a student for themselves, a school coordinator for a student of their
 * school. Inserts the stage and starts its process in one transaction, so a failed start leaves
 * no stage behind. Throws 400 for an unknown care unit, 404 for a student out of reach.
 */
export async function requestStage(
  deps: StageRequestDeps,
  user: AuthenticatedUser,
  ability: AppAbility,
  request: StageRequest,
): Promise<StageItem> {
  ForbiddenError.from(ability).throwUnlessCan('create', 'Stage');
  const careUnit = await findCareUnit(deps.knex, ability, request.careUnitId);
  const student = await findStudent(deps.knex, ability, request.studentId ?? user.studentId);
  ForbiddenError.from(ability).throwUnlessCan(
    'create',
    subject('Stage', {
      studentId: student.id,
      schoolId: student.schoolId,
      hospitalId: careUnit.hospitalId,
      careUnitId: careUnit.id,
      status: 'active',
    }),
  );

  const requesterRole = user.studentId === student.id ? 'student' : 'school_coordinator';
  const { stageId, instanceId } = await deps.knex.transaction(async (trx) => {
    await assertProcessDeployed(trx);
    const id = await insertStage(trx, { user, request, student, careUnit, requesterRole });
    const stage = stageVariables(id, request, student, careUnit, requesterRole);
    const started = await deps.runtime.startInstance(trx, {
      definitionKey: STAGE_PROCESS_KEY,
      stage,
      actor: { userId: user.id },
    });
    return { stageId: id, instanceId: started.instanceId };
  });

  log.info({ stageId, instanceId, userId: user.id, requesterRole }, 'stage requested');
  return findStage(deps.knex, ability, stageId);
}

/** Lists the stages the user may read, filtered, sorted and paginated. */
export async function listStages(
  knex: Knex,
  ability: AppAbility,
  query: StageListQuery,
): Promise<Page<StageItem>> {
  ForbiddenError.from(ability).throwUnlessCan('read', 'Stage');
  const filtered = selectStages(knex, ability).modify((builder) => {
    applyStageFilters(builder, query);
  });
  return fetchPage(filtered, query, (builder) => orderStages(builder, query.sort), toStageItem);
}

/** Loads one stage with its history, tasks and participants; 404 when out of reach. */
export async function getStageDetail(
  knex: Knex,
  ability: AppAbility,
  stageId: number,
): Promise<StageDetail> {
  return loadStageDetail(knex, await findStage(knex, ability, stageId));
}

// helpers

/** The columns of a care unit that a stage copies. */
type CareUnitRef = Pick<CareUnit, 'id' | 'hospitalId'>;

/** The columns of a student that a stage copies or its process reads. */
type StudentRef = Pick<Student, 'id' | 'schoolId' | 'programmeId' | 'recruitmentConsent'>;

interface NewStage {
  user: AuthenticatedUser;
  request: StageRequest;
  student: StudentRef;
  careUnit: CareUnitRef;
  requesterRole: StageVariables['requesterRole'];
}

async function findStage(knex: Knex, ability: AppAbility, stageId: number): Promise<StageItem> {
  const row = (await selectStages(knex, ability).where('s.id', stageId).first()) as
    StageRow | undefined;
  if (!row) throw new NotFoundError('Stage', stageId);
  return toStageItem(row);
}

async function findCareUnit(knex: Knex, ability: AppAbility, id: number): Promise<CareUnitRef> {
  const careUnit = await whereAllowedRows(CareUnit.query(knex), ability, 'read', 'CareUnit')
    .findById(id)
    .select('care_units.id', 'care_units.hospital_id');
  if (careUnit) return careUnit;

  throw new ValidationError('The request has invalid fields; see errors.', [
    {
      field: 'careUnitId',
      message: `care unit ${id} not found; pick one from GET /api/care-units`,
    },
  ]);
}

async function findStudent(
  knex: Knex,
  ability: AppAbility,
  id: number | null | undefined,
): Promise<StudentRef> {
  if (id === null || id === undefined) {
    throw new ValidationError('The request has invalid fields; see errors.', [
      { field: 'studentId', message: 'is required: give the id of the student the stage is for' },
    ]);
  }

  const student = await whereAllowedRows(Student.query(knex), ability, 'read', 'Student')
    .findById(id)
    .select(
      'students.id',
      'students.school_id',
      'students.programme_id',
      'students.recruitment_consent',
    );
  if (!student) throw new NotFoundError('Student', id);
  return student;
}

async function assertProcessDeployed(trx: Knex.Transaction): Promise<void> {
  const definition = await ProcessDefinition.query(trx)
    .findOne({ key: STAGE_PROCESS_KEY })
    .select('id');
  if (definition) return;

  throw new ConflictError(
    `No version of the ${STAGE_PROCESS_KEY} process is deployed, so no stage can start; ` +
      'a platform admin must deploy it with POST /api/process-definitions.',
  );
}

async function insertStage(trx: Knex.Transaction, stage: NewStage): Promise<number> {
  const inserted = await Stage.query(trx).insert({
    studentId: stage.student.id,
    careUnitId: stage.careUnit.id,
    hospitalId: stage.careUnit.hospitalId,
    schoolId: stage.student.schoolId,
    programmeId: stage.student.programmeId,
    startDate: stage.request.startDate,
    endDate: stage.request.endDate,
    motivation: stage.request.motivation || null,
    phase: 'request',
    requestedBy: stage.user.id,
    requesterRole: stage.requesterRole,
  });
  return inserted.id;
}

function stageVariables(
  id: number,
  request: StageRequest,
  student: StudentRef,
  careUnit: CareUnitRef,
  requesterRole: StageVariables['requesterRole'],
): StageVariables {
  return {
    id,
    studentId: student.id,
    careUnitId: careUnit.id,
    hospitalId: careUnit.hospitalId,
    schoolId: student.schoolId,
    programmeId: student.programmeId,
    startDate: request.startDate,
    endDate: request.endDate,
    requesterRole,
    recruitmentConsent: student.recruitmentConsent,
  };
}

const STUDENT_SEARCH_TARGETS: SearchTarget[] = [
  'st.first_name',
  'st.last_name',
  'st.matricule',
  { joined: ['st.first_name', 'st.last_name'] },
];

function applyStageFilters(builder: Knex.QueryBuilder, query: StageListQuery): void {
  if (query.phase) builder.where('s.phase', query.phase);
  if (query.status) builder.where('s.status', query.status);
  if (query.careUnitId) builder.where('s.care_unit_id', query.careUnitId);
  if (query.schoolId) builder.where('s.school_id', query.schoolId);
  if (query.hospitalId) builder.where('s.hospital_id', query.hospitalId);
  if (query.studentId) builder.where('s.student_id', query.studentId);
  if (query.startFrom) builder.where('s.start_date', '>=', query.startFrom);
  if (query.startTo) builder.where('s.start_date', '<=', query.startTo);

  whereMatches(builder, STUDENT_SEARCH_TARGETS, query.q);
}

function orderStages(builder: Knex.QueryBuilder, sort: StageSort): Knex.QueryBuilder {
  const descending = sort.startsWith('-');
  const column = sort.endsWith('startDate') ? 's.start_date' : 's.created_at';
  const order = descending ? 'desc' : 'asc';
  return builder.orderBy([
    { column, order },
    { column: 's.id', order },
  ]);
}
