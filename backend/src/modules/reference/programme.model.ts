import type { JSONSchema, Modifiers, QueryBuilder, RelationMappings } from 'objection';
import { AppModel, belongsToOne, columnsOf, hasMany } from '../../platform/db/app.model';
import { Institution } from './institution.model';
import { Student } from './student.model';

/** A course of study of a school, such as a bachelor in nursing over several year levels. */
export class Programme extends AppModel {
  static override tableName = 'programmes';

  declare id: number;
  declare schoolId: number;
  declare name: string;
  declare level: string;
  /** How many years the programme lasts. */
  declare yearLevels: number;

  declare school?: Institution;
  declare students?: Student[];

  static override jsonSchema: JSONSchema = {
    type: 'object',
    required: ['schoolId', 'name', 'level', 'yearLevels'],
    properties: {
      schoolId: { type: 'integer', minimum: 1 },
      name: { type: 'string', minLength: 1 },
      level: { type: 'string', minLength: 1 },
      // A PostgreSQL smallint.
      yearLevels: { type: 'integer', minimum: 1, maximum: 32_767 },
    },
  };

  static override modifiers: Modifiers<QueryBuilder<Programme>> = {
    /** The id, school and name, for a programme shown beside another row. */
    summary: (query) => {
      query.select(columnsOf(query, 'id', 'school_id', 'name'));
    },
  };

  static override relationMappings = (): RelationMappings => ({
    school: belongsToOne(Institution, 'programmes.school_id', 'institutions.id'),
    students: hasMany(Student, 'programmes.id', 'students.programme_id'),
  });
}
