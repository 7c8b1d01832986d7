import type { JSONSchema, Modifiers, QueryBuilder, RelationMappings } from 'objection';
import { AppModel, columnOf, columnsOf, hasMany } from '../../platform/db/app.model';
import { Campus } from './campus.model';
import { CareUnit } from './care-unit.model';
import { Programme } from './programme.model';
import { Student } from './student.model';

/** Kinds of institution, as in the `institution_kind` database type. */
export const INSTITUTION_KINDS = ['hospital', 'school'] as const;

/** One of {@link INSTITUTION_KINDS}. */
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** A hospital (with campuses and care units) or a school (with programmes and students). */
export class Institution extends AppModel {
  static override tableName = 'institutions';

  declare id: number;
  declare kind: InstitutionKind;
  declare name: string;
  declare street: string | null;
  declare postalCode: string | null;
  declare city: string | null;
  /** Country code (ISO 3166-1 alpha-2), BE unless given. */
  declare country: string;
  declare createdAt: Date;
  declare updatedAt: Date;

  /** A hospital's campuses. */
  declare campuses?: Campus[];
  /** A hospital's care units. */
  declare careUnits?: CareUnit[];
  /** A school's programmes. */
  declare programmes?: Programme[];
  /** A school's students. */
  declare students?: Student[];

  static override jsonSchema: JSONSchema = {
    type: 'object',
    required: ['kind', 'name'],
    properties: {
      kind: { type: 'string', enum: [...INSTITUTION_KINDS] },
      name: { type: 'string', minLength: 1 },
      street: { type: ['string', 'null'] },
      postalCode: { type: ['string', 'null'] },
      city: { type: ['string', 'null'] },
      country: { type: 'string', pattern: '^[A-Z]{2}$' },
    },
  };

  static override modifiers: Modifiers<QueryBuilder<Institution>> = {
    /** Only hospitals. */
    hospitals: (query) => {
      query.where(columnOf(query, 'kind'), 'hospital');
    },
    /** Only schools. */
    schools: (query) => {
      query.where(columnOf(query, 'kind'), 'school');
    },
    /** The id and name, for an institution shown beside another row. */
    summary: (query) => {
      query.select(columnsOf(query, 'id', 'name'));
    },
  };

  static override relationMappings = (): RelationMappings => ({
    campuses: hasMany(Campus, 'institutions.id', 'campuses.hospital_id'),
    careUnits: hasMany(CareUnit, 'institutions.id', 'care_units.hospital_id'),
    programmes: hasMany(Programme, 'institutions.id', 'programmes.school_id'),
    students: hasMany(Student, 'institutions.id', 'students.school_id'),
  });
}
