import { createMongoAbility } from '@casl/ability';
import type { Knex } from 'knex';
import type { AuthenticatedUser } from '../../backend/src/platform/http/app-context';
import {
  defineAbilityFor,
  subject,
  type Action,
  type AppAbility,
  type AppRawRule,
} from '../../backend/src/platform/permissions/ability';
import { ROLES, type Role } from '../../backend/src/platform/permissions/roles';
import { whereAllowed } from '../../backend/src/platform/permissions/sql-filter';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertReferenceData, type ReferenceData } from '../support/test-users';

type Row = Record<string, unknown> & { id: number };

const STAGE_ACTIONS: Action[] = ['read', 'create', 'update'];
const TASK_ACTIONS: Action[] = ['read', 'claim', 'complete'];

let db: TestDatabase;
let reference: ReferenceData;
let stages: Row[];
let tasks: Row[];

beforeAll(async () => {
  db = await createTestDatabase();
  reference = await insertReferenceData(db.knex);
  stages = await insertStages(db.knex, reference);
  tasks = await insertTasks(db.knex, reference, stages[0]!.id);
});

afterAll(async () => {
  await db.close();
});

describe('whereAllowed() on the role abilities', () => {
  const cases = () => Object.entries(roleUsers(reference));

  it('matches CASL on stages for every role', async () => {
    for (const [label, user] of cases()) {
      const ability = defineAbilityFor(user);

      for (const action of STAGE_ACTIONS) {
        const query = whereAllowed(
          db.knex('stages as s').select('s.*'),
          ability,
          action,
          'Stage',
          's',
        );

        const expected = allowedIds(ability, action, 'Stage', stages);
        expect({ label, action, ids: await ids(query) }).toEqual({ label, action, ids: expected });
      }
    }
  });

  it('matches CASL on tasks for every role', async () => {
    for (const [label, user] of cases()) {
      const ability = defineAbilityFor(user);

      for (const action of TASK_ACTIONS) {
        const query = whereAllowed(db.knex('tasks').select('*'), ability, action, 'Task');

        const expected = allowedIds(ability, action, 'Task', tasks);
        expect({ label, action, ids: await ids(query) }).toEqual({ label, action, ids: expected });
      }
    }
  });

  it('shows each scoped role some rows but not all', async () => {
    for (const [label, user] of cases()) {
      if (user.roles.includes('platform_admin')) continue;
      const ability = defineAbilityFor(user);

      const visibleTasks = await ids(whereAllowed(db.knex('tasks'), ability, 'read', 'Task'));
      const visibleStages = await ids(whereAllowed(db.knex('stages'), ability, 'read', 'Stage'));

      expect({ label, some: visibleTasks.length > 0 }).toEqual({ label, some: true });
      expect({ label, some: visibleStages.length > 0 }).toEqual({ label, some: true });
      expect({ label, all: visibleStages.length === stages.length }).toEqual({ label, all: false });
    }
  });

  it('adds no clause for a platform admin', async () => {
    const ability = defineAbilityFor(roleUsers(reference).platform_admin);
    const query = whereAllowed(db.knex('tasks'), ability, 'complete', 'Task');

    expect(query.toSQL().sql).not.toMatch(/where/i);
    expect((await ids(query)).length).toBe(tasks.length);
  });
});

describe('forbidden actions per role', () => {
  const forbidden: Record<
    Exclude<Role, 'platform_admin'>,
    () => [ForbiddenCheck, ForbiddenCheck]
  > = {
    student: () => [
      ['read', 'Stage', stageWhere({ studentId: reference.otherStudent.id })],
      ['update', 'Stage', stageWhere({ studentId: reference.student.id })],
    ],
    school_coordinator: () => [
      ['read', 'Stage', stageWhere({ schoolId: reference.otherSchool.id })],
      ['update', 'Stage', stageWhere({ schoolId: reference.school.id })],
    ],
    hospital_coordinator: () => [
      ['read', 'Stage', stageWhere({ hospitalId: reference.otherHospital.id })],
      ['update', 'Stage', stageWhere({ hospitalId: reference.hospital.id, status: 'completed' })],
    ],
    supervisor: () => [
      ['read', 'Stage', stageWhere({ careUnitId: reference.hospital.careUnitIds[1] })],
      [
        'complete',
        'Task',
        taskWhere({ candidateRole: 'hygienist', candidateInstitutionId: reference.hospital.id }),
      ],
    ],
    badge_manager: () => [
      [
        'read',
        'Task',
        taskWhere({ candidateRole: 'hygienist', candidateInstitutionId: reference.hospital.id }),
      ],
      ['update', 'Stage', stageWhere({ hospitalId: reference.hospital.id, status: 'active' })],
    ],
    hygienist: () => [
      ['read', 'Stage', stageWhere({ hospitalId: reference.otherHospital.id })],
      [
        'claim',
        'Task',
        taskWhere({
          candidateRole: 'badge_manager',
          candidateInstitutionId: reference.hospital.id,
        }),
      ],
    ],
    institution_admin: () => [
      [
        'read',
        'Stage',
        stageWhere({ hospitalId: reference.otherHospital.id, schoolId: reference.otherSchool.id }),
      ],
      [
        'complete',
        'Task',
        taskWhere({ candidateRole: 'hygienist', candidateInstitutionId: reference.hospital.id }),
      ],
    ],
  };

  it.each(Object.keys(forbidden) as (keyof typeof forbidden)[])('%s', async (role) => {
    const ability = defineAbilityFor(roleUsers(reference)[role]);
    const [read, write] = forbidden[role]();

    for (const [action, name, row] of [read, write]) {
      expect({ role, action, allowed: ability.can(action, subject(name, camelCase(row))) }).toEqual(
        {
          role,
          action,
          allowed: false,
        },
      );
      const table = name === 'Stage' ? 'stages' : 'tasks';
      const visible = await ids(whereAllowed(db.knex(table), ability, action, name));
      expect(visible).not.toContain(row.id);
    }
  });

  it('allows a platform admin everything', () => {
    const ability = defineAbilityFor(roleUsers(reference).platform_admin);
    const closed = stageWhere({ status: 'completed' });

    expect(ability.can('read', subject('Stage', camelCase(closed)))).toBe(true);
    expect(ability.can('update', subject('Stage', camelCase(closed)))).toBe(true);
  });
});

describe('whereAllowed() operators', () => {
  it.each<[string, AppRawRule[]]>([
    [
      'plain values',
      [{ action: 'read', subject: 'Task', conditions: { candidateRole: 'supervisor' } }],
    ],
    ['$eq', [{ action: 'read', subject: 'Task', conditions: { candidateUnitId: { $eq: 0 } } }]],
    [
      '$ne on a nullable column',
      [{ action: 'read', subject: 'Task', conditions: { candidateUnitId: { $ne: 0 } } }],
    ],
    [
      '$in with null',
      [{ action: 'read', subject: 'Task', conditions: { candidateStudentId: { $in: [null, 0] } } }],
    ],
    [
      'equality with null',
      [{ action: 'read', subject: 'Task', conditions: { candidateInstitutionId: null } }],
    ],
    [
      '$ne null',
      [{ action: 'read', subject: 'Task', conditions: { candidateInstitutionId: { $ne: null } } }],
    ],
    [
      'several fields and operators in one rule',
      [
        {
          action: 'read',
          subject: 'Task',
          conditions: {
            candidateRole: { $in: ['student', 'supervisor'] },
            candidateUnitId: { $in: [0, null], $ne: null },
          },
        },
      ],
    ],
    [
      'a forbidding rule on a nullable column',
      [
        {
          action: 'read',
          subject: 'Task',
          conditions: { candidateRole: { $in: ['supervisor', 'hygienist'] } },
        },
        { action: 'read', subject: 'Task', inverted: true, conditions: { candidateUnitId: 0 } },
      ],
    ],
    [
      'a forbidding rule with $in including null',
      [
        { action: 'read', subject: 'Task' },
        {
          action: 'read',
          subject: 'Task',
          inverted: true,
          conditions: { candidateStudentId: { $in: [0, null] } },
        },
      ],
    ],
    [
      'a forbidding rule below a permitting one',
      [
        {
          action: 'read',
          subject: 'Task',
          inverted: true,
          conditions: { candidateRole: 'supervisor' },
        },
        {
          action: 'read',
          subject: 'Task',
          conditions: { candidateRole: 'supervisor', candidateUnitId: 0 },
        },
      ],
    ],
    [
      'manage all with a forbidding rule',
      [
        { action: 'manage', subject: 'all' },
        {
          action: 'read',
          subject: 'Task',
          inverted: true,
          conditions: { candidateRole: 'student', candidateStudentId: { $ne: 0 } },
        },
      ],
    ],
    [
      'a field-restricted forbidding rule',
      [
        { action: 'read', subject: 'Task', conditions: { candidateRole: 'hygienist' } },
        { action: 'read', subject: 'Task', fields: ['values'], inverted: true },
      ],
    ],
  ])('agrees with CASL for %s', async (_label, template) => {
    const ability = createMongoAbility<AppAbility>(withReferenceIds(template));

    const query = whereAllowed(db.knex('tasks as t').select('t.*'), ability, 'read', 'Task', 't');

    const expected = allowedIds(ability, 'read', 'Task', tasks);
    expect(await ids(query)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('adds WHERE false when no rule allows the action', async () => {
    const ability = createMongoAbility<AppAbility>([{ action: 'read', subject: 'Stage' }]);

    const query = whereAllowed(db.knex('tasks'), ability, 'read', 'Task');

    expect(query.toSQL().sql).toMatch(/where false/i);
    expect(await ids(query)).toEqual([]);
  });

  it('rejects $gt, naming it', () => {
    const ability = createMongoAbility<AppAbility>([
      { action: 'read', subject: 'Task', conditions: { id: { $gt: 3 } } },
    ]);

    expect(() => whereAllowed(db.knex('tasks'), ability, 'read', 'Task')).toThrow(/\$gt/);
  });

  it('rejects a top-level $or', () => {
    const ability = createMongoAbility<AppAbility>([
      { action: 'read', subject: 'Task', conditions: { $or: [{ id: 1 }, { id: 2 }] } },
    ]);

    expect(() => whereAllowed(db.knex('tasks'), ability, 'read', 'Task')).toThrow(/\$or/);
  });

  it('rejects a nested field condition', () => {
    const ability = createMongoAbility<AppAbility>([
      { action: 'read', subject: 'Task', conditions: { form: { title: 'x' } } },
    ]);

    expect(() => whereAllowed(db.knex('tasks'), ability, 'read', 'Task')).toThrow(/nested/);
  });
});

// helpers

type ForbiddenCheck = [Action, 'Stage' | 'Task', Row];

function roleUsers(
  ids: ReferenceData,
): Record<Role, AuthenticatedUser> & Record<string, AuthenticatedUser> {
  const hospital = { institutionId: ids.hospital.id };
  const users = {
    student: user(1, ['student'], { institutionId: ids.school.id, studentId: ids.student.id }),
    school_coordinator: user(2, ['school_coordinator'], { institutionId: ids.school.id }),
    hospital_coordinator: user(3, ['hospital_coordinator'], hospital),
    supervisor: user(4, ['supervisor'], { ...hospital, careUnitId: ids.hospital.careUnitIds[0] }),
    badge_manager: user(5, ['badge_manager'], hospital),
    hygienist: user(6, ['hygienist'], hospital),
    institution_admin: user(7, ['institution_admin'], hospital),
    platform_admin: user(8, ['platform_admin'], {}),
    'institution_admin of a school': user(9, ['institution_admin'], {
      institutionId: ids.otherSchool.id,
    }),
    'hygienist and badge_manager': user(10, ['hygienist', 'badge_manager'], {
      institutionId: ids.otherHospital.id,
    }),
    'supervisor of another hospital': user(11, ['supervisor'], {
      institutionId: ids.otherHospital.id,
      careUnitId: ids.otherHospital.careUnitId,
    }),
  };
  return users;
}

function user(
  id: number,
  roles: Role[],
  affiliation: Partial<AuthenticatedUser>,
): AuthenticatedUser {
  return {
    id,
    email: `user${id}@stageflow.example`,
    name: `User ${id}`,
    roles,
    institutionId: null,
    careUnitId: null,
    studentId: null,
    locale: null,
    ...affiliation,
  };
}

async function insertStages(knex: Knex, ids: ReferenceData): Promise<Row[]> {
  const students = [
    { id: ids.student.id, school: ids.school },
    { id: ids.otherStudent.id, school: ids.otherSchool },
  ];
  const units = [
    { id: ids.hospital.careUnitIds[0], hospitalId: ids.hospital.id },
    { id: ids.hospital.careUnitIds[1], hospitalId: ids.hospital.id },
    { id: ids.otherHospital.careUnitId, hospitalId: ids.otherHospital.id },
  ];

  const rows = students.flatMap((student) =>
    units.flatMap((unit) =>
      ['active', 'completed', 'cancelled'].map((status) => ({
        student_id: student.id,
        care_unit_id: unit.id,
        hospital_id: unit.hospitalId,
        school_id: student.school.id,
        programme_id: student.school.programmeId,
        start_date: '2027-02-01',
        end_date: '2027-03-12',
        phase: 'request',
        status,
        requester_role: 'student',
      })),
    ),
  );
  return knex('stages').insert(rows).returning<Row[]>('*');
}

async function insertTasks(knex: Knex, ids: ReferenceData, stageId: number): Promise<Row[]> {
  const [definition] = await knex('process_definitions')
    .insert({ key: 'test', version: 1, name: 'Test', xml: '<definitions/>', checksum: 'x' })
    .returning<{ id: number }[]>('id');
  const [instance] = await knex('process_instances')
    .insert({ definition_id: definition!.id, status: 'running', state: {} })
    .returning<{ id: number }[]>('id');

  const institutions = [
    ids.hospital.id,
    ids.otherHospital.id,
    ids.school.id,
    ids.otherSchool.id,
    null,
  ];
  const unitIds = [ids.hospital.careUnitIds[0], ids.otherHospital.careUnitId, null];
  const studentIds = [ids.student.id, ids.otherStudent.id, null];

  const rows = ROLES.flatMap((role) =>
    institutions.flatMap((institutionId) =>
      unitIds.flatMap((unitId) =>
        studentIds.map((studentId) => ({
          candidate_role: role,
          candidate_institution_id: institutionId,
          candidate_unit_id: unitId,
          candidate_student_id: studentId,
        })),
      ),
    ),
  );
  const tasks = rows.map((row, index) => ({
    ...row,
    instance_id: instance!.id,
    stage_id: stageId,
    activity_id: 'review',
    execution_id: `review_${index}`,
    name: 'Review',
    phase: 'request',
    form: JSON.stringify({ fields: [] }),
  }));
  return knex('tasks').insert(tasks).returning<Row[]>('*');
}

function allowedIds(
  ability: AppAbility,
  action: Action,
  name: 'Stage' | 'Task',
  rows: Row[],
): number[] {
  return rows
    .filter((row) => ability.can(action, subject(name, camelCase(row))))
    .map((row) => row.id)
    .sort((a, b) => a - b);
}

async function ids(query: Knex.QueryBuilder): Promise<number[]> {
  const rows = (await query) as { id: number }[];
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

function camelCase(row: Row): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase()),
      value,
    ]),
  );
}

function stageWhere(fields: Record<string, unknown>): Row {
  return findRow(stages, fields);
}

function taskWhere(fields: Record<string, unknown>): Row {
  return findRow(tasks, fields);
}

function findRow(rows: Row[], fields: Record<string, unknown>): Row {
  const found = rows.find((row) => {
    const fieldsOfRow = camelCase(row);
    return Object.entries(fields).every(([key, value]) => fieldsOfRow[key] === value);
  });
  if (!found) throw new Error(`No fixture row matches ${JSON.stringify(fields)}.`);
  return found;
}

// The operator cases are written with 0 where a reference id goes, since ids are only known
// once the rows exist: 0 stands for the first care unit, institution or student.
function withReferenceIds(rules: AppRawRule[]): AppRawRule[] {
  const replacements: Record<string, number> = {
    candidateUnitId: reference.hospital.careUnitIds[0],
    candidateStudentId: reference.student.id,
    candidateInstitutionId: reference.hospital.id,
  };
  const replace = (value: unknown, field?: string): unknown => {
    if (value === 0 && field) return replacements[field];
    if (Array.isArray(value)) return value.map((item) => replace(item, field));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        replace(inner, key.startsWith('$') ? field : key),
      ]),
    );
  };
  return rules.map((rule) => ({
    ...rule,
    ...(rule.conditions && { conditions: replace(rule.conditions) as object }),
  }));
}
