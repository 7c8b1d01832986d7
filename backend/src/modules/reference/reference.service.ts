import { ForbiddenError } from '@casl/ability';
import type { Knex } from 'knex';
import { whereAllowedRows } from '../../platform/db/app.model';
import type { AppAbility } from '../../platform/permissions/ability';
import { Campus } from './campus.model';
import { CareUnit } from './care-unit.model';
import { Institution } from './institution.model';
import { whereMatches, type Page, type SearchTarget } from './list-query';
import { Programme } from './programme.model';
import type {
  CampusQuery,
  CareUnitQuery,
  InstitutionQuery,
  ProgrammeQuery,
  StudentQuery,
} from './reference.schemas';
import { Student } from './student.model';

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
  const institutions = await whereAllowedRows(
    Institution.query(knex),
    ability,
    'read',
    'Institution',
  )
    .modify((builder) => {
      if (query.kind) builder.where('institutions.kind', query.kind);
    })
    .orderBy([{ column: 'institutions.name' }, { column: 'institutions.id' }])
    .select(INSTITUTION_COLUMNS);

  return itemList(institutions.map(toInstitutionItem));
}

/** Lists the campuses the user may read, optionally of one hospital. */
export async function listCampuses(
  knex: Knex,
  ability: AppAbility,
  query: CampusQuery,
): Promise<ItemList<CampusItem>> {
  ForbiddenError.from(ability).throwUnlessCan('read', 'Campus');
  const campuses = await whereAllowedRows(Campus.query(knex), ability, 'read', 'Campus')
    .modify((builder) => {
      if (query.hospitalId) builder.where('campuses.hospital_id', query.hospitalId);
    })
    .orderBy([{ column: 'campuses.name' }, { column: 'campuses.id' }])
    .select('campuses.id', 'campuses.hospital_id', 'campuses.name', 'campuses.city');

  return itemList(
    campuses.map(({ id, hospitalId, name, city }) => ({ id, hospitalId, name, city })),
  );
}

/** Lists the care units the user may read, optionally of one hospital or campus. */
export async function listCareUnits(
  knex: Knex,
  ability: AppAbility,
  query: CareUnitQuery,
): Promise<ItemList<CareUnitItem>> {
  ForbiddenError.from(ability).throwUnlessCan('read', 'CareUnit');
  const careUnits = await whereAllowedRows(CareUnit.query(knex), ability, 'read', 'CareUnit')
    .joinRelated('[campus, hospital]')
    .modify((builder) => {
      if (query.hospitalId) builder.where('care_units.hospital_id', query.hospitalId);
      if (query.campusId) builder.where('care_units.campus_id', query.campusId);
    })
    .orderBy([
      { column: 'hospital.name' },
      { column: 'campus.name' },
      { column: 'care_units.name' },
      { column: 'care_units.id' },
    ])
    .select(CARE_UNIT_COLUMNS)
    .castTo<CareUnitWithNames[]>();

  return itemList(careUnits.map(toCareUnitItem));
}

/** Lists the programmes the user may read, optionally of one school. */
export async function listProgrammes(
  knex: Knex,
  ability: AppAbility,
  query: ProgrammeQuery,
): Promise<ItemList<ProgrammeItem>> {
  ForbiddenError.from(ability).throwUnlessCan('read', 'Programme');
  const programmes = await whereAllowedRows(Programme.query(knex), ability, 'read', 'Programme')
    .modify((builder) => {
      if (query.schoolId) builder.where('programmes.school_id', query.schoolId);
    })
    .orderBy([{ column: 'programmes.name' }, { column: 'programmes.id' }])
    .select(
      'programmes.id',
      'programmes.school_id',
      'programmes.name',
      'programmes.level',
      'programmes.year_levels',
    );

  return itemList(
    programmes.map(({ id, schoolId, name, level, yearLevels }) => ({
      id,
      schoolId,
      name,
      level,
      yearLevels,
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
  // objection numbers pages from 0, the API from 1.
  const { results, total } = await whereAllowedRows(Student.query(knex), ability, 'read', 'Student')
    .joinRelated('programme')
    .modify((builder) => {
      if (query.schoolId) builder.where('students.school_id', query.schoolId);
      if (query.programmeId) builder.where('students.programme_id', query.programmeId);
    })
    .onBuildKnex((knexQuery) => {
      whereMatches(knexQuery, STUDENT_SEARCH_TARGETS, query.q);
    })
    .modify('schoolRecord')
    .select('programme.name as programme_name')
    .orderBy([
      { column: 'students.last_name' },
      { column: 'students.first_name' },
      { column: 'students.id' },
    ])
    .page(query.page - 1, query.pageSize)
    .castTo<{ results: StudentWithProgramme[]; total: number }>();

  return { items: results.map(toStudentItem), total, page: query.page, pageSize: query.pageSize };
}

// helpers

const INSTITUTION_COLUMNS = [
  'institutions.id',
  'institutions.kind',
  'institutions.name',
  'institutions.street',
  'institutions.postal_code',
  'institutions.city',
  'institutions.country',
];
const CARE_UNIT_COLUMNS = [
  'care_units.id',
  'care_units.hospital_id',
  'hospital.name as hospital_name',
  'care_units.campus_id',
  'campus.name as campus_name',
  'care_units.name',
  'care_units.department',
  'care_units.section',
];
const STUDENT_SEARCH_TARGETS: SearchTarget[] = [
  'students.first_name',
  'students.last_name',
  'students.matricule',
  { joined: ['students.first_name', 'students.last_name'] },
];

/** A care unit selected with the names of its hospital and campus. */
type CareUnitWithNames = CareUnit & { hospitalName: string; campusName: string };

/** A student selected with the name of their programme. */
type StudentWithProgramme = Student & { programmeName: string };

function itemList<T>(items: T[]): ItemList<T> {
  return { items, total: items.length };
}

function toInstitutionItem(institution: Institution): InstitutionItem {
  const { id, kind, name, street, postalCode, city, country } = institution;
  return { id, kind, name, street, postalCode, city, country };
}

function toCareUnitItem(careUnit: CareUnitWithNames): CareUnitItem {
  return {
    id: careUnit.id,
    hospitalId: careUnit.hospitalId,
    hospitalName: careUnit.hospitalName,
    campusId: careUnit.campusId,
    campusName: careUnit.campusName,
    name: careUnit.name,
    department: careUnit.department,
    section: careUnit.section,
    freePlaces: null,
  };
}

function toStudentItem(student: StudentWithProgramme): StudentItem {
  return {
    id: student.id,
    schoolId: student.schoolId,
    programmeId: student.programmeId,
    programmeName: student.programmeName,
    firstName: student.firstName,
    lastName: student.lastName,
    matricule: student.matricule,
    year: student.year,
    schoolEmail: student.schoolEmail,
  };
}
