import type { JSONSchema, Modifiers, QueryBuilder, RelationMappings } from 'objection';
import { AppModel, belongsToOne, columnsOf } from '../../platform/db/app.model';
import { Institution } from './institution.model';
import { Programme } from './programme.model';

/**
 * A student of a school, enrolled in one of its programmes. The school manages the record,
 * and the student fills in the contact details and consent (`STUDENT_SELF_SERVICE_FIELDS`).
 */
export class Student extends AppModel {
  static override tableName = 'students';

  declare id: number;
  declare schoolId: number;
  declare programmeId: number;
  declare firstName: string;
  declare lastName: string;
  /** The school's student number, unique within the school. */
  declare matricule: string;
  /** Year level within the programme, from 1. */
  declare year: number;
  declare schoolEmail: string;
  declare phone: string | null;
  declare personalEmail: string | null;
  /** Calendar day, `YYYY-MM-DD`. */
  declare birthDate: string | null;
  /** Whether the student consents to recruitment, on which the stage process branches. */
  declare recruitmentConsent: boolean;
  declare createdAt: Date;
  declare updatedAt: Date;

  declare school?: Institution;
  declare programme?: Programme;

  static override jsonSchema: JSONSchema = {
    type: 'object',
    required: [
      'schoolId',
      'programmeId',
      'firstName',
      'lastName',
      'matricule',
      'year',
      'schoolEmail',
    ],
    properties: {
      schoolId: { type: 'integer', minimum: 1 },
      programmeId: { type: 'integer', minimum: 1 },
      firstName: { type: 'string', minLength: 1 },
      lastName: { type: 'string', minLength: 1 },
      matricule: { type: 'string', minLength: 1 },
      // A PostgreSQL smallint.
      year: { type: 'integer', minimum: 1, maximum: 32_767 },
      schoolEmail: { type: 'string', format: 'email' },
      phone: { type: ['string', 'null'] },
      personalEmail: { anyOf: [{ type: 'string', format: 'email' }, { type: 'null' }] },
      birthDate: { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] },
      recruitmentConsent: { type: 'boolean' },
    },
  };

  static override modifiers: Modifiers<QueryBuilder<Student>> = {
    /** The columns the school manages, without what the student fills in themselves. */
    schoolRecord: (query) => {
      query.select(
        columnsOf(
          query,
          'id',
          'school_id',
          'programme_id',
          'first_name',
          'last_name',
          'matricule',
          'year',
          'school_email',
        ),
      );
    },
    /** The name and school e-mail address, for a student taking part in a stage. */
    contact: (query) => {
      query.select(columnsOf(query, 'id', 'first_name', 'last_name', 'school_email'));
    },
  };

  static override relationMappings = (): RelationMappings => ({
    school: belongsToOne(Institution, 'students.school_id', 'institutions.id'),
    programme: belongsToOne(Programme, 'students.programme_id', 'programmes.id'),
  });
}
