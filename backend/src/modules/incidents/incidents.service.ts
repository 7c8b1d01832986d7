import { ForbiddenError } from '@casl/ability';
import type { Knex } from 'knex';
import { NotFoundError } from '../../platform/errors/app-errors';
import type { AuthenticatedUser } from '../../platform/http/app-context';
import { createLogger } from '../../platform/logging/logger';
import { subject, type AppAbility } from '../../platform/permissions/ability';
import { whereAllowed } from '../../platform/permissions/sql-filter';
import type { ProcessRuntime } from '../../runtime/process-runtime';
import { fetchPage, type Page } from '../reference/list-query';
import type { IncidentListQuery } from './incidents.schemas';

const log = createLogger('server:incidents');

/** A failure that stopped a process instance, with the stage it belongs to. */
export interface IncidentItem {
  id: number;
  status: 'open' | 'resolved';
  activityId: string;
  error: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: { id: number; name: string } | null;
  instanceId: number;
  instanceStatus: string;
  definition: { key: string; version: number };
  /** The service-task job that failed; null for other failures. */
  job: { id: number; plugin: string; attempts: number; status: string } | null;
  stage: {
    id: number;
    phase: string;
    student: { id: number; firstName: string; lastName: string };
    careUnit: { id: number; name: string };
    hospital: { id: number; name: string };
    school: { id: number; name: string };
  } | null;
}

/** Lists the incidents the user may read, newest first. */
export async function listIncidents(
  knex: Knex,
  ability: AppAbility,
  query: IncidentListQuery,
): Promise<Page<IncidentItem>> {
  ForbiddenError.from(ability).throwUnlessCan('read', 'Incident');
  const filtered = readableIncidents(knex, ability).where('i.status', query.status);
  const order = (builder: Knex.QueryBuilder) =>
    builder.orderBy([
      { column: 'i.created_at', order: 'desc' },
      { column: 'i.id', order: 'desc' },
    ]);
  return fetchPage(filtered, query, order, toIncidentItem);
}

/**
 * Sends the job behind an open incident back to the queue and resolves the incident (platform
 * admins). 403 without `retry Incident`, 404 for an incident out of reach, 409 when it is
 * already resolved.
 */
export async function retryIncident(
  deps: { knex: Knex; runtime: ProcessRuntime },
  user: AuthenticatedUser,
  ability: AppAbility,
  incidentId: number,
): Promise<IncidentItem> {
  // Checked on the type first, so a user who may retry nothing learns nothing about the id.
  ForbiddenError.from(ability).throwUnlessCan('retry', 'Incident');
  const incident = await findIncident(deps.knex, ability, incidentId);
  ForbiddenError.from(ability).throwUnlessCan(
    'retry',
    subject('Incident', { id: incident.id, status: incident.status }),
  );

  await deps.runtime.retryIncident(incidentId, { userId: user.id });
  log.info({ incidentId, userId: user.id, instanceId: incident.instanceId }, 'incident retried');
  return findIncident(deps.knex, ability, incidentId);
}

// helpers

interface IncidentRow {
  id: number;
  status: IncidentItem['status'];
  activity_id: string;
  error: string;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by: number | null;
  resolved_by_name: string | null;
  instance_id: number;
  instance_status: string;
  definition_key: string;
  definition_version: number;
  job_id: number | null;
  /** The job columns are null together with job_id. */
  job_plugin: string;
  job_attempts: number;
  job_status: string;
  /** Null when the instance has no stage; the other stage columns are then null too. */
  stage_id: number | null;
  stage_phase: string;
  student_id: number;
  student_first_name: string;
  student_last_name: string;
  care_unit_id: number;
  care_unit_name: string;
  hospital_id: number;
  hospital_name: string;
  school_id: number;
  school_name: string;
}

async function findIncident(knex: Knex, ability: AppAbility, id: number): Promise<IncidentItem> {
  const row = (await readableIncidents(knex, ability).where('i.id', id).first()) as
    IncidentRow | undefined;
  if (!row) throw new NotFoundError('Incident', id);
  return toIncidentItem(row);
}

// Incident rules carry no institution, so the rules of the incident's stage narrow the rows:
// an institution admin reads the incidents of their hospital's or school's stages.
function readableIncidents(knex: Knex, ability: AppAbility): Knex.QueryBuilder {
  const query = knex('incidents as i')
    .join('process_instances as pi', 'pi.id', 'i.instance_id')
    .join('process_definitions as d', 'd.id', 'pi.definition_id')
    .leftJoin('service_jobs as j', 'j.id', 'i.job_id')
    .leftJoin('users as rb', 'rb.id', 'i.resolved_by')
    .leftJoin('stages as s', 's.process_instance_id', 'i.instance_id')
    .leftJoin('students as st', 'st.id', 's.student_id')
    .leftJoin('care_units as cu', 'cu.id', 's.care_unit_id')
    .leftJoin('institutions as h', 'h.id', 's.hospital_id')
    .leftJoin('institutions as sc', 'sc.id', 's.school_id')
    .select(INCIDENT_COLUMNS);
  whereAllowed(query, ability, 'read', 'Incident', 'i');
  return whereAllowed(query, ability, 'read', 'Stage', 's');
}

function toIncidentItem(row: IncidentRow): IncidentItem {
  return {
    id: row.id,
    status: row.status,
    activityId: row.activity_id,
    error: row.error,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolvedBy:
      row.resolved_by === null ? null : { id: row.resolved_by, name: row.resolved_by_name ?? '' },
    instanceId: row.instance_id,
    instanceStatus: row.instance_status,
    definition: { key: row.definition_key, version: row.definition_version },
    job:
      row.job_id === null
        ? null
        : {
            id: row.job_id,
            plugin: row.job_plugin,
            attempts: row.job_attempts,
            status: row.job_status,
          },
    stage: toIncidentStage(row),
  };
}

function toIncidentStage(row: IncidentRow): IncidentItem['stage'] {
  if (row.stage_id === null) return null;
  return {
    id: row.stage_id,
    phase: row.stage_phase,
    student: {
      id: row.student_id,
      firstName: row.student_first_name,
      lastName: row.student_last_name,
    },
    careUnit: { id: row.care_unit_id, name: row.care_unit_name },
    hospital: { id: row.hospital_id, name: row.hospital_name },
    school: { id: row.school_id, name: row.school_name },
  };
}

const INCIDENT_COLUMNS = [
  'i.id',
  'i.status',
  'i.activity_id',
  'i.error',
  'i.created_at',
  'i.resolved_at',
  'i.resolved_by',
  'rb.name as resolved_by_name',
  'i.instance_id',
  'pi.status as instance_status',
  'd.key as definition_key',
  'd.version as definition_version',
  'i.job_id',
  'j.plugin as job_plugin',
  'j.attempts as job_attempts',
  'j.status as job_status',
  's.id as stage_id',
  's.phase as stage_phase',
  's.student_id',
  'st.first_name as student_first_name',
  'st.last_name as student_last_name',
  's.care_unit_id',
  'cu.name as care_unit_name',
  's.hospital_id',
  'h.name as hospital_name',
  's.school_id',
  'sc.name as school_name',
];
