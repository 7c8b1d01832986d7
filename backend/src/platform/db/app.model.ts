import {
  Model,
  snakeCaseMappers,
  type AnyModelConstructor,
  type AnyQueryBuilder,
  type ColumnNameMappers,
  type RelationMapping,
} from 'objection';
import type { Action, AppAbility, SubjectName } from '../permissions/ability';
import { whereAllowed } from '../permissions/sql-filter';

/**
 * Base of every domain model: camelCase properties over snake_case columns. The mappers rename
 * row keys and written properties only, so `where`, `select` and `orderBy` keep naming the
 * snake_case columns, as `whereAllowed` does.
 *
 * Queries take their knex or transaction explicitly (`Stage.query(trx)`). The global binding
 * that `openDatabase` sets points at the database opened last, and on PGlite a query outside a
 * running transaction waits for the only connection, which that transaction holds.
 */
export class AppModel extends Model {
  static override columnNameMappers: ColumnNameMappers = snakeCaseMappers();

  // Adds LIMIT 1 to `first()`, as knex does. Without it objection fetches every row and keeps one.
  static override useLimitInFirst = true;
}

/**
 * Restricts an objection query to the rows of `subject` on which `ability` allows `action`, by
 * running {@link whereAllowed} on the knex query objection builds. The columns are qualified
 * with `alias`, which defaults to the query's own alias or table, so joins stay unambiguous.
 * Pass the alias of a joined table to filter by the rules of that table's subject.
 *
 * NOTE: objection's QueryBuilder has the methods `whereAllowed` calls but not knex's type, so
 * the filter is applied in `onBuildKnex`. It reaches every query objection builds from this one
 * (`first`, `resultSize`, `page`), but not the separate queries of `withGraphFetched`: filter
 * the root rows here, and fetch only relations that reading a root row allows.
 */
export function whereAllowedRows<QB extends AnyQueryBuilder>(
  query: QB,
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  alias?: string,
): QB {
  return query.onBuildKnex((knexQuery, builder) => {
    const table = alias ?? builder.tableRefFor(builder.modelClass());
    whereAllowed(knexQuery, ability, action, subject, table);
  });
}

/**
 * Qualifies `column` with the table reference of `query`: its alias, or its model's table. A
 * modifier that names its columns this way keeps working in joined queries, provided `alias()`
 * is called before the modifier runs.
 */
export function columnOf(query: AnyQueryBuilder, column: string): string {
  return `${query.tableRefFor(query.modelClass())}.${column}`;
}

/** Qualifies each of `columns` as {@link columnOf} does, for a `select`. */
export function columnsOf(query: AnyQueryBuilder, ...columns: string[]): string[] {
  return columns.map((column) => columnOf(query, column));
}

/**
 * Maps a relation to the one `modelClass` row whose column `to` (usually its id) equals this
 * row's column `from`. Columns are `table.column`, in snake_case.
 */
export function belongsToOne(
  modelClass: AnyModelConstructor,
  from: string,
  to: string,
): RelationMapping<Model> {
  return { relation: Model.BelongsToOneRelation, modelClass, join: { from, to } };
}

/** Maps a relation to the `modelClass` rows whose column `to` equals this row's column `from`. */
export function hasMany(
  modelClass: AnyModelConstructor,
  from: string,
  to: string,
): RelationMapping<Model> {
  return { relation: Model.HasManyRelation, modelClass, join: { from, to } };
}
