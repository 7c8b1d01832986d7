import type { JSONSchema, Modifiers, QueryBuilder, RelationMappings } from 'objection';
import { AppModel, belongsToOne, columnsOf, hasMany } from '../../platform/db/app.model';
import { CareUnit } from './care-unit.model';
import { Institution } from './institution.model';

/** A site of a hospital, named uniquely within that hospital. */
export class Campus extends AppModel {
  static override tableName = 'campuses';

  declare id: number;
  declare hospitalId: number;
  declare name: string;
  declare city: string | null;

  declare hospital?: Institution;
  declare careUnits?: CareUnit[];

  static override jsonSchema: JSONSchema = {
    type: 'object',
    required: ['hospitalId', 'name'],
    properties: {
      hospitalId: { type: 'integer', minimum: 1 },
      name: { type: 'string', minLength: 1 },
      city: { type: ['string', 'null'] },
    },
  };

  static override modifiers: Modifiers<QueryBuilder<Campus>> = {
    /** The id, hospital and name, for a campus shown beside another row. */
    summary: (query) => {
      query.select(columnsOf(query, 'id', 'hospital_id', 'name'));
    },
  };

  static override relationMappings = (): RelationMappings => ({
    hospital: belongsToOne(Institution, 'campuses.hospital_id', 'institutions.id'),
    careUnits: hasMany(CareUnit, 'campuses.id', 'care_units.campus_id'),
  });
}
