import type { Knex } from 'knex';
import { z } from 'zod';

/** Largest value of a PostgreSQL `integer` column; larger ids would fail in the database. */
const MAX_INTEGER_ID = 2_147_483_647;

/** Rows per page when the request gives no `pageSize`. */
export const DEFAULT_PAGE_SIZE = 20;

/** Largest `pageSize` a list endpoint accepts. */
export const MAX_PAGE_SIZE = 100;

// Path and query ids arrive as strings of digits, body ids as JSON numbers. Anything else
// (true, [1], "1e0") is rejected rather than coerced into an id.
const idInput = z.union(
  [
    z.number(),
    z
      .string()
      .regex(/^\d{1,10}$/, { error: 'must be a positive integer id' })
      .transform(Number),
  ],
  { error: 'must be a positive integer id' },
);

/** A row id in a path or a body: a positive integer that fits an `integer` column. */
export const idSchema = idInput.pipe(
  z
    .number({ error: 'must be a positive integer id' })
    .int({ error: 'must be a positive integer id' })
    .positive({ error: 'must be a positive integer id' })
    .max(MAX_INTEGER_ID, { error: `must be at most ${MAX_INTEGER_ID}` }),
);

/** An optional id in a query string; an empty value counts as absent. */
export const optionalIdSchema = z.preprocess(emptyToUndefined, idSchema.optional());

/** An optional free-text search in a query string, trimmed; an empty value counts as absent. */
export const searchTextSchema = z.preprocess(
  emptyToUndefined,
  z.string().trim().max(100, { error: 'must be at most 100 characters' }).optional(),
);

/** A calendar day as `YYYY-MM-DD`, checked against the calendar (no 2027-02-30). */
export const calendarDaySchema = z.iso.date({ error: 'must be a valid date as YYYY-MM-DD' });

/** An optional calendar day in a query string. */
export const optionalDaySchema = z.preprocess(emptyToUndefined, calendarDaySchema.optional());

/** The `page` (1-based) and `pageSize` query parameters of every paginated list. */
export const pageQueryShape = {
  page: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1, { error: 'must be 1 or more' }).default(1),
  ),
  pageSize: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int()
      .min(1, { error: 'must be 1 or more' })
      .max(MAX_PAGE_SIZE, { error: `must be at most ${MAX_PAGE_SIZE}` })
      .default(DEFAULT_PAGE_SIZE),
  ),
};

/** Parsed paging parameters. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** One page of a list endpoint. */
export interface Page<T> {
  items: T[];
  /** Number of rows matching the filters, over all pages. */
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Runs `query` (filtered, not yet ordered) for one page: counts the matching rows, then loads
 * the page with `order` applied and maps each row with `toItem`.
 */
export async function fetchPage<Row, Item>(
  query: Knex.QueryBuilder,
  paging: PageRequest,
  order: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const counted = (await query.clone().clearSelect().clearOrder().count({ count: '*' }).first()) as
    { count: number | string } | undefined;

  const rows = (await order(query.clone())
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)) as Row[];

  return {
    items: rows.map(toItem),
    total: Number(counted?.count ?? 0),
    page: paging.page,
    pageSize: paging.pageSize,
  };
}

/**
 * Builds an ILIKE pattern that matches `text` anywhere, with LIKE's wildcards escaped so that
 * a search for `50%` matches the characters themselves. PostgreSQL's default escape is `\`.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** A column to search, or two columns searched as one text joined by a space (a full name). */
export type SearchTarget = string | { joined: [string, string] };

/** Adds `OR`ed ILIKE conditions on `targets` for the search text `q`, unless it is empty. */
export function whereMatches(
  query: Knex.QueryBuilder,
  targets: SearchTarget[],
  q: string | undefined,
): Knex.QueryBuilder {
  if (!q) return query;

  const pattern = containsPattern(q);
  return query.where((builder) => {
    for (const target of targets) {
      if (typeof target === 'string') builder.orWhereILike(target, pattern);
      else builder.orWhereRaw("(?? || ' ' || ??) ILIKE ?", [...target.joined, pattern]);
    }
  });
}

/** Converts the empty string of a query parameter such as `?q=` into undefined. */
export function emptyToUndefined(value: unknown): unknown {
  return value === '' ? undefined : value;
}
