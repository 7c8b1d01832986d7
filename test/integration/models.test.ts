import type { Knex } from 'knex';
import { ValidationError } from 'objection';
import { whereAllowedRows } from '../../backend/src/platform/db/app.model';
import type { AuthenticatedUser } from '../../backend/src/platform/http/app-context';
import { defineAbilityFor } from '../../backend/src/platform/permissions/ability';
import type { Role } from '../../backend/src/platform/permissions/roles';
import { whereAllowed } from '../../backend/src/platform/permissions/sql-filter';
import { User } from '../../backend/src/modules/auth/user.model';
import { Incident } from '../../backend/src/modules/incidents/incident.model';
import { ProcessDefinition } from '../../backend/src/modules/process-definitions/process-definition.model';
import { Institution } from '../../backend/src/modules/reference/institution.model';
import { Stage } from '../../backend/src/modules/stages/stage.model';
import { Task } from '../../backend/src/modules/tasks/task.model';
import { createStageWorld, type StageWorld } from '../support/stage-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let world: StageWorld;
let otherWorld: StageWorld;
let staff: Record<'supervisor' | 'otherSupervisor' | 'coordinator' | 'schoolCoordinator', User>;
let stage: Stage;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createStageWorld(db.knex, 'A');
  otherWorld = await createStageWorld(db.knex, 'B');
  staff = await insertStaff(db.knex);
  stage = await insertStage(db.knex, world, staff.schoolCoordinator.id);
  await insertStage(db.knex, otherWorld, null);
});

afterAll(() => db.close());

describe('Stage relations', () => {
  it('fetches its reference rows in one graph', async () => {
    const fetched = await Stage.query(db.knex)
      .findById(stage.id)
      .withGraphFetched('[careUnit.[campus, hospital], student.programme, school, requester]');

    expect(fetched?.careUnit).toMatchObject({ id: world.careUnitId, name: 'Cardiology A' });
    expect(fetched?.careUnit?.campus).toMatchObject({ id: world.campusId, name: 'Campus A' });
    expect(fetched?.careUnit?.hospital).toMatchObject({ id: world.hospitalId, kind: 'hospital' });
    expect(fetched?.student).toMatchObject({ id: world.studentId, lastName: 'Student A' });
    expect(fetched?.student?.programme).toMatchObject({ id: world.programmeId, yearLevels: 4 });
    expect(fetched?.school).toMatchObject({ id: world.schoolId, name: 'School A' });
    expect(fetched?.requester?.id).toBe(staff.schoolCoordinator.id);
  });

  it('fetches staff by role and affiliation', async () => {
    const fetched = await Stage.fetchGraph(
      stage,
      '[supervisors(contact), hospitalCoordinators(contact), schoolCoordinators(contact)]',
      { transaction: db.knex },
    );

    expect(ids(fetched.supervisors)).toEqual([staff.supervisor.id, staff.coordinator.id]);
    expect(ids(fetched.hospitalCoordinators)).toEqual([staff.coordinator.id]);
    expect(ids(fetched.schoolCoordinators)).toEqual([staff.schoolCoordinator.id]);
  });

  it('maps camelCase properties onto snake_case columns', async () => {
    const row = await db.knex('stages').where({ id: stage.id }).first();

    expect(row).toMatchObject({ care_unit_id: world.careUnitId, start_date: '2027-03-01' });
    expect(stage).toMatchObject({ careUnitId: world.careUnitId, startDate: '2027-03-01' });
  });

  it('validates its JSON schema before writing', async () => {
    const insert = Stage.query(db.knex).insert({ ...stageColumns(world, null), endDate: 'soon' });

    await expect(insert).rejects.toBeInstanceOf(ValidationError);
    expect(await Stage.query(db.knex).resultSize()).toBe(2);
  });
});

describe('reference relations', () => {
  it('fetches hospital campuses and care units', async () => {
    const hospital = await Institution.query(db.knex)
      .findById(world.hospitalId)
      .withGraphFetched('campuses(summary).careUnits(summary)');

    expect(hospital?.campuses?.map((campus) => campus.name)).toEqual(['Campus A']);
    expect(hospital?.campuses?.[0]?.careUnits).toEqual([
      expect.objectContaining({ id: world.careUnitId, department: 'Medicine' }),
    ]);
  });

  it('fetches school programmes and students', async () => {
    const schools = await Institution.query(db.knex)
      .modify('schools')
      .withGraphFetched('programmes.students(schoolRecord)')
      .orderBy('id');

    expect(ids(schools)).toEqual([world.schoolId, otherWorld.schoolId]);
    expect(ids(schools[0]?.programmes?.[0]?.students)).toEqual([world.studentId]);
    expect(schools[0]?.programmes?.[0]?.students?.[0]).not.toHaveProperty('recruitmentConsent');
  });
});

describe('User model', () => {
  it('stores roles in the text[] column', async () => {
    const result = await db.knex.raw<{ rows: { roles: string[] }[] }>(
      "SELECT roles FROM users WHERE 'hospital_coordinator' = ANY(roles) AND id = ?",
      [staff.coordinator.id],
    );

    expect(result.rows[0]?.roles).toEqual(['supervisor', 'hospital_coordinator']);
  });

  it('leaves the password hash out of its JSON', async () => {
    const user = await User.query(db.knex).findById(staff.supervisor.id);

    expect(user?.passwordHash).toBe('not-a-hash');
    expect(user?.toJSON()).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(user)).not.toContain('not-a-hash');
  });

  it('fetches institution and care unit', async () => {
    const user = await User.query(db.knex)
      .findById(staff.supervisor.id)
      .withGraphFetched('[institution, careUnit]');

    expect(user?.institution?.id).toBe(world.hospitalId);
    expect(user?.careUnit?.id).toBe(world.careUnitId);
  });
});

describe('runtime-written rows', () => {
  it('fetch their related rows', async () => {
    const { taskId, incidentId, definitionId } = await insertRuntimeRows(db.knex, stage.id);

    const task = await Task.query(db.knex)
      .findById(taskId)
      .withGraphFetched('[stage, candidateUnit, assignee]');
    const incident = await Incident.query(db.knex)
      .findById(incidentId)
      .withGraphFetched('[stage, resolver]');
    const definition = await ProcessDefinition.query(db.knex)
      .findById(definitionId)
      .withGraphFetched('deployer(contact)');

    expect(task?.stage?.id).toBe(stage.id);
    expect(task?.candidateUnit?.id).toBe(world.careUnitId);
    expect(task?.assignee?.id).toBe(staff.supervisor.id);
    expect(task?.form).toEqual({ fields: [] });
    expect(incident?.stage?.id).toBe(stage.id);
    expect(incident?.resolver).toBeNull();
    expect(definition?.deployer?.name).toBe('Sam Supervisor');
  });
});

describe('whereAllowedRows()', () => {
  const users = (): AuthenticatedUser[] => [
    accountOf(staff.supervisor, { careUnitId: world.careUnitId }),
    accountOf(staff.schoolCoordinator, { institutionId: world.schoolId }),
    accountOf(staff.otherSupervisor, { careUnitId: otherWorld.careUnitId }),
    { ...accountOf(staff.supervisor, {}), roles: ['badge_manager'], institutionId: null },
  ];

  it('keeps the rows that whereAllowed keeps', async () => {
    for (const user of users()) {
      const ability = defineAbilityFor(user);

      const viaModel = await whereAllowedRows(Stage.query(db.knex), ability, 'read', 'Stage');
      const viaKnex = await whereAllowed(db.knex('stages').select('id'), ability, 'read', 'Stage');

      expect({ user: user.roles, ids: ids(viaModel) }).toEqual({
        user: user.roles,
        ids: ids(viaKnex as { id: number }[]),
      });
    }
  });

  it('filters page counts under an alias', async () => {
    const ability = defineAbilityFor(users()[0]!);

    const page = await whereAllowedRows(Stage.query(db.knex).alias('s'), ability, 'read', 'Stage')
      .joinRelated('student')
      .orderBy('s.id')
      .page(0, 10);

    expect(page.total).toBe(1);
    expect(ids(page.results)).toEqual([stage.id]);
  });

  it('filters by a joined table under its alias', async () => {
    const otherSchool = accountOf(staff.schoolCoordinator, { institutionId: otherWorld.schoolId });

    const rows = await whereAllowedRows(
      Stage.query(db.knex).joinRelated('student'),
      defineAbilityFor(otherSchool),
      'read',
      'Student',
      'student',
    );

    expect(rows.map((row) => row.studentId)).toEqual([otherWorld.studentId]);
  });
});

// helpers

function ids(rows: { id: number }[] | undefined): number[] {
  return (rows ?? []).map((row) => row.id).sort((left, right) => left - right);
}

function accountOf(user: User, scope: Partial<AuthenticatedUser>): AuthenticatedUser {
  const base = { institutionId: null, careUnitId: null, studentId: null, locale: null };
  const roles = user.roles as Role[];
  return { id: user.id, email: user.email, name: user.name, roles, ...base, ...scope };
}

function stageColumns(stageWorld: StageWorld, requestedBy: number | null) {
  return {
    studentId: stageWorld.studentId,
    careUnitId: stageWorld.careUnitId,
    hospitalId: stageWorld.hospitalId,
    schoolId: stageWorld.schoolId,
    programmeId: stageWorld.programmeId,
    startDate: '2027-03-01',
    endDate: '2027-04-30',
    phase: 'request',
    requestedBy,
    requesterRole: 'school_coordinator' as const,
  };
}

function insertStage(knex: Knex, stageWorld: StageWorld, requestedBy: number | null) {
  return Stage.query(knex).insertAndFetch(stageColumns(stageWorld, requestedBy));
}

async function insertStaff(knex: Knex): Promise<typeof staff> {
  const insert = (name: string, roles: Role[], scope: Partial<User>) =>
    User.query(knex).insert({
      email: `${name.toLowerCase().replace(' ', '.')}@hospital.example`,
      passwordHash: 'not-a-hash',
      name,
      roles,
      ...scope,
    });

  return {
    supervisor: await insert('Sam Supervisor', ['supervisor'], {
      institutionId: world.hospitalId,
      careUnitId: world.careUnitId,
    }),
    otherSupervisor: await insert('Olga Supervisor', ['supervisor'], {
      institutionId: otherWorld.hospitalId,
      careUnitId: otherWorld.careUnitId,
    }),
    coordinator: await insert('Zoe Coordinator', ['supervisor', 'hospital_coordinator'], {
      institutionId: world.hospitalId,
      careUnitId: world.careUnitId,
    }),
    schoolCoordinator: await insert('Sara School', ['school_coordinator'], {
      institutionId: world.schoolId,
    }),
  };
}

// Rows the runtime writes in its command transactions, inserted here with knex.
async function insertRuntimeRows(knex: Knex, stageId: number) {
  const [definition] = await knex('process_definitions')
    .insert({ ...definitionColumns(), deployed_by: staff.supervisor.id })
    .returning<{ id: number }[]>('id');
  const [instance] = await knex('process_instances')
    .insert({ definition_id: definition!.id, status: 'incident', state: {} })
    .returning<{ id: number }[]>('id');
  await knex('stages').where({ id: stageId }).update({ process_instance_id: instance!.id });

  const [task] = await knex('tasks')
    .insert({ ...taskColumns(instance!.id, stageId), assignee_id: staff.supervisor.id })
    .returning<{ id: number }[]>('id');
  const [incident] = await knex('incidents')
    .insert({ instance_id: instance!.id, activity_id: 'notify', error: 'timed out' })
    .returning<{ id: number }[]>('id');
  return { taskId: task!.id, incidentId: incident!.id, definitionId: definition!.id };
}

function definitionColumns() {
  return { key: 'models', version: 1, name: 'Models', xml: '<x/>', checksum: 'c' };
}

function taskColumns(instanceId: number, stageId: number) {
  return {
    instance_id: instanceId,
    stage_id: stageId,
    activity_id: 'review',
    execution_id: 'review_1',
    name: 'Review the request',
    phase: 'request',
    candidate_role: 'supervisor',
    candidate_unit_id: world.careUnitId,
    form: { fields: [] },
  };
}
