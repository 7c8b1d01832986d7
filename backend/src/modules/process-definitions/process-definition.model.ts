import type { JSONSchema, Modifiers, QueryBuilder, RelationMappings } from 'objection';
import { AppModel, belongsToOne, columnsOf } from '../../platform/db/app.model';
import { User } from '../auth/user.model';

/**
 * One deployed version of a BPMN process. A database trigger rejects every UPDATE, so a change
 * is a new version of the same key; the runtime validates and inserts versions.
 */
export class ProcessDefinition extends AppModel {
  static override tableName = 'process_definitions';

  declare id: number;
  /** The BPMN process id; all versions of a process share it. */
  declare key: string;
  /** 1 for the first deploy of a key, then one more for each. */
  declare version: number;
  declare name: string;
  declare xml: string;
  /** SHA-256 of the XML, in hex. */
  declare checksum: string;
  declare deployedBy: number | null;
  declare deployedAt: Date;
  /**
   * bpmn-engine's state before execution, as JSON text. Null for versions deployed before the
   * column existed, so the runtime compiles their XML when it loads them.
   */
  declare compiledState: string | null;

  declare deployer?: User | null;

  // Clients send only the XML; the runtime reads the key and name from it.
  static override jsonSchema: JSONSchema = {
    type: 'object',
    required: ['key', 'version', 'name', 'xml', 'checksum'],
    properties: {
      key: { type: 'string', minLength: 1 },
      version: { type: 'integer', minimum: 1 },
      name: { type: 'string' },
      xml: { type: 'string', minLength: 1 },
      checksum: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      deployedBy: { type: ['integer', 'null'], minimum: 1 },
    },
  };

  static override modifiers: Modifiers<QueryBuilder<ProcessDefinition>> = {
    /** Every column but the XML and the compiled state, which run to tens of kilobytes. */
    summary: (query) => {
      query.select(
        columnsOf(query, 'id', 'key', 'version', 'name', 'checksum', 'deployed_by', 'deployed_at'),
      );
    },
  };

  static override relationMappings = (): RelationMappings => ({
    deployer: belongsToOne(User, 'process_definitions.deployed_by', 'users.id'),
  });
}
