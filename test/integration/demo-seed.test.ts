import { createHash } from 'node:crypto';
import argon2 from 'argon2';
import {
  DEFAULT_DEMO_SEED,
  DEMO_PASSWORD,
  demoEmail,
  digestDemoData,
  generateDemoData,
  insertReferenceData,
  STAGE_PHASES,
  type DemoDataset,
} from '../../db/seeds/demo';
import { findDemoLogins, formatDemoLogins } from '../../backend/src/cli/demo-logins';
import { seedDemo, type DemoSeedReport } from '../../backend/src/cli/demo-seed';
import { groupSituations } from '../../backend/src/cli/demo-situations';
import { seedDemoIfEmpty } from '../../backend/src/cli/demo-seed-on-start';
import { describeExistingData } from '../../backend/src/cli/empty-database';
import { standInPlugins } from '../../backend/src/cli/stand-in-plugins';
import type { Database } from '../../backend/src/platform/db/database';
import { ROLES } from '../../backend/src/platform/permissions/roles';
import { createProcessRuntime } from '../../backend/src/runtime';
import { MAIN_PATH_VALUES, openTasks } from '../support/lifecycle-driver';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const TODAY = '2027-03-10';

describe('generateDemoData()', () => {
  it('returns the same rows on every call', () => {
    const first = digestDemoData(generateDemoData({ today: TODAY }));
    const second = digestDemoData(generateDemoData({ today: TODAY }));

    expect(second).toBe(first);
  });

  it('returns other rows for another seed', () => {
    const usual = digestDemoData(generateDemoData({ today: TODAY, scale: 0.05 }));
    const other = digestDemoData(generateDemoData({ today: TODAY, scale: 0.05, seed: 7 }));

    expect(other).not.toBe(usual);
  });

  it('generates the documented counts at scale 1', () => {
    const dataset = generateDemoData({ today: TODAY });
    const hospitals = dataset.institutions.filter((row) => row.kind === 'hospital');
    const schools = dataset.institutions.filter((row) => row.kind === 'school');

    expect(hospitals).toHaveLength(2);
    expect(schools).toHaveLength(5);
    expect(dataset.campuses).toHaveLength(4);
    expect(unitsOf(dataset, hospitals[0]?.id)).toHaveLength(40);
    expect(unitsOf(dataset, hospitals[1]?.id)).toHaveLength(12);
    expect(dataset.students).toHaveLength(1500);
    expect(dataset.stages).toHaveLength(2000);
    expect(dataset.users).toHaveLength(15);
  });

  it('gives each school two to four programmes', () => {
    const dataset = generateDemoData({ today: TODAY });

    for (const school of dataset.institutions.filter((row) => row.kind === 'school')) {
      const count = dataset.programmes.filter((row) => row.school_id === school.id).length;
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(4);
    }
  });

  it('multiplies students and stages by the scale', () => {
    const dataset = generateDemoData({ today: TODAY, scale: 2 });

    expect(dataset.students).toHaveLength(3000);
    expect(dataset.stages).toHaveLength(4000);
    expect(dataset.careUnits).toHaveLength(52);
  });

  it('rejects a scale that is not positive', () => {
    expect(() => generateDemoData({ scale: 0 })).toThrow(/Scale 0 is invalid/);
    expect(() => generateDemoData({ scale: Number.NaN })).toThrow(/Scale NaN is invalid/);
  });

  it.each([0.05, 1])('plans every phase at scale %p', (scale) => {
    const dataset = generateDemoData({ today: TODAY, scale });
    const targets = new Set(dataset.stages.map((stage) => stage.target));

    for (const phase of [...STAGE_PHASES, 'refused'] as const) expect(targets).toContain(phase);
  });

  it('gives students valid programmes, years and e-mails', () => {
    const dataset = generateDemoData({ today: TODAY });
    const programmes = new Map(dataset.programmes.map((row) => [row.id, row]));
    const emails = new Set(dataset.students.map((row) => row.school_email));

    for (const student of dataset.students) {
      const programme = programmes.get(student.programme_id);
      expect(programme?.school_id).toBe(student.school_id);
      expect(student.year).toBeGreaterThanOrEqual(1);
      expect(student.year).toBeLessThanOrEqual(programme?.year_levels ?? 0);
      expect(student.school_email).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+\d*@[a-z0-9-]+\.example$/);
    }
    expect(emails.size).toBe(dataset.students.length);
  });

  it('fills optional data and consent for a plausible share', () => {
    const { students } = generateDemoData({ today: TODAY });
    const share = (count: number) => count / students.length;

    expect(share(students.filter((row) => row.birth_date).length)).toBeCloseTo(0.5, 1);
    expect(share(students.filter((row) => row.recruitment_consent).length)).toBeCloseTo(0.4, 1);
  });

  it('dates every stage consistently with its target', () => {
    const dataset = generateDemoData({ today: TODAY });

    for (const stage of dataset.stages) {
      expect(stage.end_date >= stage.start_date).toBe(true);
      expect(new Date(`${stage.start_date}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(periodOf(stage.start_date, stage.end_date, stage.target)).toBe(stage.target);
    }
  });

  it('spreads stages over about a year around today', () => {
    const { stages } = generateDemoData({ today: TODAY });
    const starts = stages.map((stage) => stage.start_date).sort();

    expect(starts[0] >= '2026-08-01').toBe(true);
    expect(starts[starts.length - 1] <= '2027-09-30').toBe(true);
  });

  it('places students only in units that suit their programme', () => {
    const dataset = generateDemoData({ today: TODAY });
    const units = new Map(dataset.careUnits.map((unit) => [unit.id, unit]));
    const midwifery = new Set(
      dataset.programmes.filter((row) => row.discipline === 'midwifery').map((row) => row.id),
    );

    for (const stage of dataset.stages.filter((row) => midwifery.has(row.programme_id))) {
      const unit = units.get(stage.care_unit_id);
      expect(['maternity', 'paediatrics', 'operating_theatre']).toContain(unit?.careKind);
      expect(stage.hospital_id).toBe(unit?.hospital_id);
    }
  });

  it('gives the demo student and supervisor unit stages in several phases', () => {
    const dataset = generateDemoData({ today: TODAY, scale: 0.05 });
    const [main] = dataset.loginSets;
    const student = dataset.stages.filter((stage) => stage.student_id === main?.student.id);
    const unit = dataset.stages.filter((stage) => stage.care_unit_id === main?.supervisorUnit.id);

    expect(new Set(student.map((stage) => stage.target)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(unit.map((stage) => stage.target)).size).toBe(STAGE_PHASES.length + 1);
  });

  it('creates one login per role in each set', () => {
    const { users } = generateDemoData({ today: TODAY });
    const emails = users.map((user) => user.email);

    for (const role of ROLES) expect(emails).toContain(demoEmail(role));
    for (const role of ROLES.filter((name) => name !== 'platform_admin')) {
      expect(emails).toContain(demoEmail(role, 'second.'));
    }
  });
});

describe('insertReferenceData()', () => {
  let database: TestDatabase;
  let dataset: DemoDataset;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataset = generateDemoData({ scale: 0.05 });
    await insertReferenceData(database.knex, dataset);
  });

  afterAll(() => database.close());

  it('inserts every row of every kind', async () => {
    expect(await countRows('institutions')).toBe(dataset.institutions.length);
    expect(await countRows('campuses')).toBe(dataset.campuses.length);
    expect(await countRows('care_units')).toBe(dataset.careUnits.length);
    expect(await countRows('programmes')).toBe(dataset.programmes.length);
    expect(await countRows('students')).toBe(dataset.students.length);
    expect(await countRows('users')).toBe(dataset.users.length);
  });

  it.each(ROLES)('stores a %s login with the demo password', async (role) => {
    const user = await database
      .knex('users')
      .where({ email: demoEmail(role) })
      .first();

    expect(user?.roles).toEqual([role]);
    expect(await argon2.verify(user.password_hash as string, DEMO_PASSWORD)).toBe(true);
  });

  it('links the demo student login to a student row', async () => {
    const user = await database
      .knex('users')
      .where({ email: demoEmail('student') })
      .first();
    const student = await database.knex('students').where({ id: user.student_id }).first();

    expect(student?.school_id).toBe(user.institution_id);
  });

  it('moves id sequences past the inserted ids', async () => {
    const [row] = await database
      .knex('institutions')
      .insert({ kind: 'school', name: 'Later school' })
      .returning('id');

    expect(row.id).toBe(dataset.institutions.length + 1);
  });

  async function countRows(table: string): Promise<number> {
    const row = await database.knex(table).count({ count: '*' }).first();
    return Number(row?.count);
  }
});

describe('seedDemo()', () => {
  // The smallest scale that still plans every showcase stage of the demo logins.
  const SCALE = 0.02;
  let database: TestDatabase;
  let dataset: DemoDataset;
  let report: DemoSeedReport;
  let firstDigest: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataset = generateDemoData({ scale: SCALE });
    report = await seedDemo(database, seedRuntime(database), { scale: SCALE });
    firstDigest = await digestTables(database);
  }, 300_000);

  afterAll(() => database.close());

  it('leaves every stage in its planned phase', async () => {
    const stages = await database.knex('stages').orderBy('id').select('id', 'phase', 'status');

    expect(stages).toHaveLength(dataset.stages.length);
    for (const [index, stage] of stages.entries()) {
      const target = dataset.stages[index]?.target;
      expect({ id: stage.id, phase: stage.phase }).toEqual({
        id: stage.id,
        phase: target === 'refused' ? 'closed' : target,
      });
      expect(stage.status).toBe(statusOf(target));
    }
  });

  it('reaches every phase and a refusal', async () => {
    const phases = await database.knex('stages').distinct('phase').pluck('phase');
    const refused = await database.knex('stages').where({ status: 'refused' }).first('id');

    expect([...phases].sort()).toEqual([...STAGE_PHASES].sort());
    expect(refused).toBeDefined();
  });

  it('gives every stage an instance in a matching state', async () => {
    const rows = await database
      .knex('stages as s')
      .leftJoin('process_instances as p', 'p.id', 's.process_instance_id')
      .select('s.id', 's.phase', 'p.status');

    for (const row of rows) {
      expect({ id: row.id, status: row.status }).toEqual({
        id: row.id,
        status: row.phase === 'closed' ? 'completed' : 'running',
      });
    }
  });

  it('clones the stages of shared situations', () => {
    const shared = groupSituations(dataset, DEFAULT_DEMO_SEED).filter(
      (situation) => situation.plans.length > 1,
    );

    expect(report.cloned).toBe(shared.reduce((sum, situation) => sum + situation.plans.length, 0));
    expect(report.cloned).toBeGreaterThan(0);
    expect(report.checkpoints).toBeGreaterThan(0);
    expect(report.driven + report.cloned).toBe(dataset.stages.length);
  });

  it('leaves no template or checkpoint behind', async () => {
    const instances = await database.knex('process_instances').count({ count: '*' }).first();
    const strayHistory = await database
      .knex('process_history as h')
      .leftJoin('stages as s', 's.process_instance_id', 'h.instance_id')
      .whereRaw('s.id IS DISTINCT FROM h.stage_id')
      .first('h.id');

    expect(Number(instances?.count)).toBe(dataset.stages.length);
    expect(strayHistory).toBeUndefined();
  });

  it('gives every instance its own stage variables', async () => {
    const rows = await database
      .knex('stages as s')
      .join('process_instances as p', 'p.id', 's.process_instance_id')
      .select('s.*', 'p.state');

    for (const row of rows) {
      const variables = row.state.definitions[0].environment.variables;
      expect({ id: row.id, instanceId: variables.instanceId }).toEqual({
        id: row.id,
        instanceId: row.process_instance_id,
      });
      expect(variables.stage).toMatchObject({
        id: row.id,
        studentId: row.student_id,
        careUnitId: row.care_unit_id,
        hospitalId: row.hospital_id,
        schoolId: row.school_id,
        startDate: row.start_date,
        endDate: row.end_date,
        requesterRole: row.requester_role,
      });
    }
  });

  it('resolves task candidates within each stage', async () => {
    const rows = await database
      .knex('tasks as t')
      .join('stages as s', 's.id', 't.stage_id')
      .select('t.id', 't.candidate_institution_id', 't.candidate_unit_id', 't.candidate_student_id')
      .select('s.hospital_id', 's.school_id', 's.care_unit_id', 's.student_id');

    for (const row of rows) {
      expect([row.hospital_id, row.school_id]).toContain(row.candidate_institution_id);
      expect([null, row.care_unit_id]).toContain(row.candidate_unit_id);
      expect([null, row.student_id]).toContain(row.candidate_student_id);
    }
  });

  it('dates pending timers from each stage’s dates', async () => {
    const timers = await database
      .knex('process_timers as t')
      .join('stages as s', 's.process_instance_id', 't.instance_id')
      .where({ 't.status': 'pending' })
      .where((query) => {
        void query
          .where({ 't.kind': 'bpmn_timer' })
          .orWhere({ 't.activity_id': 'confirm_execution' });
      })
      .select('s.id', 's.start_date', 's.end_date', 't.kind', 't.due_at');

    for (const timer of timers) {
      const expected =
        timer.kind === 'bpmn_timer'
          ? new Date(`${timer.start_date}T00:00:00`)
          : new Date(`${timer.end_date}T23:59:59Z`);
      expect({ id: timer.id, kind: timer.kind, dueAt: timer.due_at }).toEqual({
        id: timer.id,
        kind: timer.kind,
        dueAt: expected,
      });
    }
    expect(timers.length).toBeGreaterThan(0);
  });

  it('opens the tasks of each phase', async () => {
    const rows = await database
      .knex('tasks as t')
      .join('stages as s', 's.id', 't.stage_id')
      .where('t.status', 'open')
      .select('s.phase', 't.activity_id');

    for (const row of rows) expect(PHASE_TASKS[row.phase]).toContain(row.activity_id);
    for (const phase of ['request', 'acceptance', 'execution', 'validation', 'evaluation']) {
      expect(rows.map((row) => row.phase)).toContain(phase);
    }
  });

  it('leaves no service job pending', async () => {
    const pending = await database
      .knex('service_jobs')
      .whereIn('status', ['pending', 'running', 'succeeded', 'incident'])
      .first('id');

    expect(pending).toBeUndefined();
  });

  it('dates current stages around today', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const stages = await database.knex('stages').select('phase', 'start_date', 'end_date');

    const current = stages.filter((stage) => stage.phase === 'execution');

    for (const stage of stages) expect(stage.end_date >= stage.start_date).toBe(true);
    for (const stage of current) expect(stage.start_date < today).toBe(true);
    for (const stage of current) expect(stage.end_date >= today).toBe(true);
    expect(current.length).toBeGreaterThan(0);
  });

  it.each(['hospital_coordinator', 'supervisor', 'student'] as const)(
    'fills the inbox of the demo %s',
    async (role) => {
      const user = await database
        .knex('users')
        .where({ email: demoEmail(role) })
        .first();
      const tasks = await openTasksOf(database, user);

      expect(tasks.length).toBeGreaterThan(0);
    },
  );

  it('gives the demo school coordinator stages in several phases', async () => {
    const user = await database
      .knex('users')
      .where({ email: demoEmail('school_coordinator') })
      .first();
    const phases = await database
      .knex('stages')
      .where({ school_id: user.institution_id })
      .distinct('phase')
      .pluck('phase');

    expect(phases.length).toBeGreaterThanOrEqual(6);
  });

  it('continues a cloned stage to its end', async () => {
    const cloned = groupSituations(dataset, DEFAULT_DEMO_SEED).find(
      (situation) => situation.plans.length > 1 && situation.plans[0]?.target === 'execution',
    );
    const stageId = cloned?.plans[1]?.id ?? 0;
    const runtime = seedRuntime(database);

    for (let step = 0; step < 10; step++) {
      const [task] = await openTasks(database.knex, stageId);
      if (!task) break;
      await runtime.completeTask(task.id, MAIN_PATH_VALUES[task.activity_id] ?? {}, {
        userId: null,
      });
    }

    const stage = await database.knex('stages').where({ id: stageId }).first('phase', 'status');
    expect(cloned).toBeDefined();
    expect(stage).toEqual({ phase: 'closed', status: 'completed' });
  });

  it('writes the same rows when seeded again', async () => {
    await database.truncateAll();
    await seedDemo(database, seedRuntime(database), { scale: SCALE });

    expect(await digestTables(database)).toBe(firstDigest);
  }, 300_000);
});

describe('seedDemoIfEmpty()', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(() => database.close());

  it('leaves a database with institutions alone', async () => {
    await database.knex('institutions').insert({ kind: 'school', name: 'Existing school' });

    await seedDemoIfEmpty(database, seedRuntime(database));

    expect(await database.knex('institutions').pluck('name')).toEqual(['Existing school']);
    expect(await database.knex('stages').first('id')).toBeUndefined();
  });

  it('tells the CLI how to start from an empty database', async () => {
    const message = await describeExistingData(database, '/srv/stageflow/pglite');

    expect(message).toMatch(/already contains 1 institutions, 0 users, 0 stages/);
    expect(message).toMatch(/delete the folder \/srv\/stageflow\/pglite/);
  });

  it('finds nothing to report in an empty database', async () => {
    await database.truncateAll();

    expect(await describeExistingData(database, null)).toBeNull();
    expect(await findDemoLogins(database.knex)).toEqual([]);
  });
});

describe('formatDemoLogins()', () => {
  it('lists each role with its e-mail and password', () => {
    const logins = ROLES.map((role) => ({ role, email: demoEmail(role), worksFor: 'Demo' }));

    const block = formatDemoLogins(logins);

    expect(block).toContain(`password "${DEMO_PASSWORD}"`);
    for (const login of logins) expect(block).toMatch(new RegExp(`${login.role} +${login.email}`));
  });
});

// helpers

// The runtime the seed gets at start-up and from its CLI, whose plugins call no external system.
function seedRuntime(database: Database) {
  return createProcessRuntime(database, { plugins: standInPlugins() });
}

// The user tasks that may be open while a stage is in each phase.
const PHASE_TASKS: Record<string, string[]> = {
  request: ['provide_information'],
  acceptance: ['review_request'],
  preparation: ['prepare_badge', 'assign_locker', 'check_hygiene'],
  execution: ['confirm_execution'],
  validation: ['validate_stage'],
  evaluation: ['evaluate_by_hospital', 'evaluate_by_student'],
  recruitment: ['recruitment_decision'],
  closed: [],
};

function statusOf(target: string | undefined): string {
  if (target === 'refused') return 'refused';
  return target === 'closed' ? 'completed' : 'active';
}

// A digest of what the seed decides, leaving out timestamps and salted password hashes.
async function digestTables(database: Database): Promise<string> {
  const knex = database.knex;
  const rows = {
    users: await knex('users')
      .orderBy('id')
      .select('id', 'email', 'name', 'roles', 'institution_id'),
    students: await knex('students').orderBy('id').select('id', 'matricule', 'school_email'),
    stages: await knex('stages')
      .orderBy('id')
      .select('id', 'student_id', 'care_unit_id', 'start_date', 'end_date', 'phase', 'status'),
    tasks: await knex('tasks')
      .orderBy('id')
      .select('stage_id', 'activity_id', 'status', 'values', 'completed_by', 'candidate_role'),
  };
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

async function openTasksOf(
  database: Database,
  user: {
    roles: string[];
    institution_id: number;
    care_unit_id: number | null;
    student_id: number | null;
  },
) {
  const query = database.knex('tasks').where({ status: 'open', candidate_role: user.roles[0] });
  if (user.student_id !== null) return query.where({ candidate_student_id: user.student_id });
  if (user.care_unit_id !== null) return query.where({ candidate_unit_id: user.care_unit_id });
  return query.where({ candidate_institution_id: user.institution_id });
}

function unitsOf(dataset: DemoDataset, hospitalId: number | undefined) {
  return dataset.careUnits.filter((unit) => unit.hospital_id === hospitalId);
}

// Returns the target a stage's dates allow. A refused stage may lie anywhere in time.
function periodOf(start: string, end: string, target: string): string {
  if (target === 'refused') return target;
  if (end < TODAY) {
    return ['validation', 'evaluation', 'recruitment', 'closed'].includes(target) ? target : 'past';
  }
  if (start < TODAY) return target === 'execution' ? target : 'current';
  return ['request', 'acceptance', 'preparation'].includes(target) ? target : 'future';
}
