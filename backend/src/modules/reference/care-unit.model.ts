import type { JSONSchema, Modifiers, QueryBuilder, RelationMappings } from 'objection';
import { AppModel, belongsToOne, columnsOf } from '../../platform/db/app.model';
import { Campus } from './campus.model';
import { Institution } from './institution.model';

/**
 * A ward or service of a hospital, on one of its campuses, where students do their stages.
 * `hospitalId` repeats the campus's hospital so that permission filters compare one column.
 */
export class CareUnit extends AppModel {
  static override tableName = 'care_units';

  declare id: number;
  declare hospitalId: number;
  declare campusId: number;
  declare name: string;
  declare department: string;
  declare section: string | null;

  declare hospital?: Institution;
  declare campus?: Campus;

  static override jsonSchema: JSONSchema = {
    type: 'object',
    required: ['hospitalId', 'campusId', 'name', 'department'],
    properties: {
      hospitalId: { type: 'integer', minimum: 1 },
      campusId: { type: 'integer', minimum: 1 },
      name: { type: 'string', minLength: 1 },
      department: { type: 'string', minLength: 1 },
      section: { type: ['string', 'null'] },
    },
  };

  static override modifiers: Modifiers<QueryBuilder<CareUnit>> = {
    /** The id, campus, name and department, for a care unit shown beside another row. */
    summary: (query) => {
      query.select(columnsOf(query, 'id', 'campus_id', 'name', 'department'));
    },
  };

  static override relationMappings = (): RelationMappings => ({
    hospital: belongsToOne(Institution, 'care_units.hospital_id', 'institutions.id'),
    campus: belongsToOne(Campus, 'care_units.campus_id', 'campuses.id'),
  });
}
