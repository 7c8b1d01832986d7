import { ForbiddenError } from '@casl/ability';
import type { Knex } from 'knex';
import type { AppAbility } from '../../platform/permissions/ability';
import { whereAllowed } from '../../platform/permissions/sql-filter';
import { fetchPage, whereMatches, type Page, type SearchTarget } from './list-query';
import type {
  CampusQuery,
  CareUnitQuery,
  InstitutionQuery,
  ProgrammeQuery,
  StudentQuery,
} from './reference.schemas';

/** A hospital or a school. */
export interface InstitutionItem {
  id: number;
  kind: 'hospital' | 'school';
  name: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
}

/** A campus of a hospital. */
export interface CampusItem {
  id: number;
  hospitalId: number;
  name: string;
  city: string | null;
}

/** A care unit with the names of its campus and hospital. */
export interface CareUnitItem {
  id: number;
  hospitalId: number;
  hospitalName: string;
  campusId: number;
  campusName: string;
  name: string;
  department: string;
  section: string | null;
  /** Places still free for new stages; null until care units have quotas. */
  freePlaces: number | null;
}

/** A programme of a school. */
export interface ProgrammeItem {
  id: number;
  schoolId: number;
  name: string;
  level: string;
  yearLevels: number;
}

/** A student as listed for coordinators; contact details the student enters stay out. */
export interface StudentItem {
  id: number;
  schoolId: number;
  programmeId: number;
  programmeName: string;
  firstName: string;
  lastName: string;
  matricule: string;
  year: number;
  schoolEmail: string;
}

/** Reference lists are small and not paginated; `total` is the length of `items`. */
export interface ItemList<T> {
  items: T[];
  total: number;
}

/** Lists the hospitals or schools (or both) the user may read, by name. */
export async function listInstitutions(
  knex: Knex,
  ability: AppAbility,
  query: InstitutionQuery,
): Promise<ItemList<InstitutionItem>> {
  ForbiddenError.from(ability).throwUnlessCan('read', 'Institution');
  const rows: unknown[] = await whereAllowed(
    knex('institutions as i'),
    ability,
    'read',
    'Institution',
    'i',
  )
    .modify((builder) => {
      if (query.kind) builder.where('i.kind', query.kind);
    })
    .orderBy([{ column: 'i.name' }, { column: 'i.id' }])
    .select('i.id', 'i.kind', 'i.name', 'i.street', 'i.postal_code', 'i.city', 'i.country');

  return itemList((rows as InstitutionRow[]).map(toInstitutionItem));
}

/** Lists the campuses the user may read, optionally of one hospital. */
export async function listCampuses(
  knex: Knex,
  ability: AppAbility,
  query: CampusQuery,
): Promise<ItemList<CampusItem>> {
  ForbiddenError.from(ability).throwUnlessCan('read', 'Campus');
  const rows: unknown[] = await whereAllowed(knex('campuses as c'), ability, 'read', 'Campus', 'c')
    .modify((builder) => {
      if (query.hospitalId) builder.where('c.hospital_id', query.hospitalId);
    })
    .orderBy([{ column: 'c.name' }, { column: 'c.id' }])
    .select('c.id', 'c.hospital_id', 'c.name', 'c.city');

  return itemList(
    (rows as CampusRow[]).map((row) => ({
      id: row.id,
      hospitalId: row.hospital_id,
      name: row.name,
      city: row.city,
    })),
  );
}

/** Lists the care units the user may read, optionally of one hospital or campus. */
export async function listCareUnits(
  knex: Knex,
  ability: AppAbility,
  query: CareUnitQuery,
): Promise<ItemList<CareUnitItem>> {
  ForbiddenError.from(ability).throwUnlessCan('read', 'CareUnit');
  const rows: unknown[] = await whereAllowed(
    knex('care_units as u'),
    ability,
    'read',
    'CareUnit',
    'u',
  )
    .join('campuses as c', 'c.id', 'u.campus_id')
    .join('institutions as h', 'h.id', 'u.hospital_id')
    .modify((builder) => {
      if (query.hospitalId) builder.where('u.hospital_id', query.hospitalId);
      if (query.campusId) builder.where('u.campus_id', query.campusId);
    })
    .orderBy([{ column: 'h.name' }, { column: 'c.name' }, { column: 'u.name' }, { column: 'u.id' }])
    .select(
      'u.id',
      'u.hospital_id',
      'h.name as hospital_name',
      'u.campus_id',
      'c.name as campus_name',
      'u.name',
      'u.department',
      'u.section',
    );

  return itemList((rows as CareUnitRow[]).map(toCareUnitItem));
}

/** Lists the programmes the user may read, optionally of one school. */
export async function listProgrammes(
  knex: Knex,
  ability: AppAbility,
  query: ProgrammeQuery,
): Promise<ItemList<ProgrammeItem>> {
  ForbiddenError.from(ability).throwUnlessCan('read', 'Programme');
  const rows: unknown[] = await whereAllowed(
    knex('programmes as p'),
    ability,
    'read',
    'Programme',
    'p',
  )
    .modify((builder) => {
      if (query.schoolId) builder.where('p.school_id', query.schoolId);
    })
    .orderBy([{ column: 'p.name' }, { column: 'p.id' }])
    .select('p.id', 'p.school_id', 'p.name', 'p.level', 'p.year_levels');

  return itemList(
    (rows as ProgrammeRow[]).map((row) => ({
      id: row.id,
      schoolId: row.school_id,
      name: row.name,
      level: row.level,
      yearLevels: row.year_levels,
    })),
  );
}

/**
 * Searches the students the user may read (a student reads their own record, a school
 * coordinator the students of their school), by last and first name. Throws 403 for roles
 * without any `read Student` rule.
 */
export async function listStudents(
  knex: Knex,
  ability: AppAbility,
  query: StudentQuery,
): Promise<Page<StudentItem>> {
  ForbiddenError.from(ability).throwUnlessCan('read', 'Student');
  const filtered = whereAllowed(knex('students as s'), ability, 'read', 'Student', 's')
    .join('programmes as p', 'p.id', 's.programme_id')
    .modify((builder) => {
      if (query.schoolId) builder.where('s.school_id', query.schoolId);
      if (query.programmeId) builder.where('s.programme_id', query.programmeId);
    })
    .modify((builder) => {
      whereMatches(builder, STUDENT_SEARCH_TARGETS, query.q);
    })
    .select(STUDENT_COLUMNS);

  return fetchPage(
    filtered,
    query,
    (builder) =>
      builder.orderBy([{ column: 's.last_name' }, { column: 's.first_name' }, { column: 's.id' }]),
    toStudentItem,
  );
}

// helpers

const STUDENT_COLUMNS = [
  's.id',
  's.school_id',
  's.programme_id',
  'p.name as programme_name',
  's.first_name',
  's.last_name',
  's.matricule',
  's.year',
  's.school_email',
];
const STUDENT_SEARCH_TARGETS: SearchTarget[] = [
  's.first_name',
  's.last_name',
  's.matricule',
  { joined: ['s.first_name', 's.last_name'] },
];

interface InstitutionRow {
  id: number;
  kind: 'hospital' | 'school';
  name: string;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  country: string;
}

interface CampusRow {
  id: number;
  hospital_id: number;
  name: string;
  city: string | null;
}

interface CareUnitRow {
  id: number;
  hospital_id: number;
  hospital_name: string;
  campus_id: number;
  campus_name: string;
  name: string;
  department: string;
  section: string | null;
}

interface ProgrammeRow {
  id: number;
  school_id: number;
  name: string;
  level: string;
  year_levels: number;
}

interface StudentRow {
  id: number;
  school_id: number;
  programme_id: number;
  programme_name: string;
  first_name: string;
  last_name: string;
  matricule: string;
  year: number;
  school_email: string;
}

function itemList<T>(items: T[]): ItemList<T> {
  return { items, total: items.length };
}

function toInstitutionItem(row: InstitutionRow): InstitutionItem {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    street: row.street,
    postalCode: row.postal_code,
    city: row.city,
    country: row.country,
  };
}

function toCareUnitItem(row: CareUnitRow): CareUnitItem {
  return {
    id: row.id,
    hospitalId: row.hospital_id,
    hospitalName: row.hospital_name,
    campusId: row.campus_id,
    campusName: row.campus_name,
    name: row.name,
    department: row.department,
    section: row.section,
    freePlaces: null,
  };
}

function toStudentItem(row: StudentRow): StudentItem {
  return {
    id: row.id,
    schoolId: row.school_id,
    programmeId: row.programme_id,
    programmeName: row.programme_name,
    firstName: row.first_name,
    lastName: row.last_name,
    matricule: row.matricule,
    year: row.year,
    schoolEmail: row.school_email,
  };
}
