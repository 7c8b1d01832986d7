import type { JSONSchema, Modifiers, Pojo, QueryBuilder, RelationMappings } from 'objection';
import { AppModel, belongsToOne, columnOf, columnsOf } from '../../platform/db/app.model';
import { ROLES, type Role } from '../../platform/permissions/roles';
import { CareUnit } from '../reference/care-unit.model';
import { Institution } from '../reference/institution.model';
import { Student } from '../reference/student.model';
import { LOCALES, type Locale } from './auth.schemas';

/**
 * An account that signs in. Its roles act within one institution, care unit or student record.
 * The session middleware in platform/auth reads `users` with knex, once per request.
 */
export class User extends AppModel {
  static override tableName = 'users';

  // `roles` is a text[] column. Objection would store array properties as JSON text.
  static override jsonAttributes: string[] = [];

  declare id: number;
  /** Unique however it is capitalised (an index on lower(email)). */
  declare email: string;
  /** Argon2id hash, left out of the model's JSON. */
  declare passwordHash: string;
  declare name: string;
  declare phone: string | null;
  /** The hospital or school of a coordinator, admin, badge manager or hygienist. */
  declare institutionId: number | null;
  /** The care unit of a supervisor. */
  declare careUnitId: number | null;
  /** The student record of a student. */
  declare studentId: number | null;
  /** May contain names that are no longer roles, which grant nothing. */
  declare roles: string[];
  declare locale: Locale | null;
  /** Failed sign-ins since the last success or lock. */
  declare failedLogins: number;
  declare lockedUntil: Date | null;
  declare createdAt: Date;
  declare updatedAt: Date;

  declare institution?: Institution | null;
  declare careUnit?: CareUnit | null;
  declare student?: Student | null;

  static override jsonSchema: JSONSchema = {
    type: 'object',
    required: ['email', 'name', 'roles'],
    properties: {
      email: { type: 'string', format: 'email', maxLength: 320 },
      name: { type: 'string', minLength: 1 },
      phone: { type: ['string', 'null'] },
      institutionId: { type: ['integer', 'null'], minimum: 1 },
      careUnitId: { type: ['integer', 'null'], minimum: 1 },
      studentId: { type: ['integer', 'null'], minimum: 1 },
      roles: { type: 'array', items: { type: 'string', enum: [...ROLES] }, uniqueItems: true },
      locale: { anyOf: [{ type: 'string', enum: [...LOCALES] }, { type: 'null' }] },
    },
  };

  static override modifiers: Modifiers<QueryBuilder<User>> = {
    /** The id, name and e-mail address, for a user shown beside another row. */
    contact: (query) => {
      query.select(columnsOf(query, 'id', 'name', 'email'));
    },
    /** Ordered by name, then id for users of the same name. */
    byName: (query) => {
      query.orderBy([{ column: columnOf(query, 'name') }, { column: columnOf(query, 'id') }]);
    },
  };

  static override relationMappings = (): RelationMappings => ({
    institution: belongsToOne(Institution, 'users.institution_id', 'institutions.id'),
    careUnit: belongsToOne(CareUnit, 'users.care_unit_id', 'care_units.id'),
    student: belongsToOne(Student, 'users.student_id', 'students.id'),
  });

  /** Restricts `query` to the users who hold `role`. */
  static whereHasRole(query: QueryBuilder<User>, role: Role): QueryBuilder<User> {
    return query.whereRaw('? = ANY(??)', [role, columnOf(query, 'roles')]);
  }

  // A serialised user never carries the password hash, whatever the query selected.
  override $formatJson(json: Pojo): Pojo {
    const formatted = super.$formatJson(json);
    delete formatted.passwordHash;
    return formatted;
  }
}
