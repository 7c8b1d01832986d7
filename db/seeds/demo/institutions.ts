import type { Language } from './names';
import { HOSPITAL_CATALOGUE, type HospitalEntry } from './hospitals';
import { SCHOOL_CATALOGUE, type SchoolEntry } from './schools';
import type { CampusRow, CareUnitRow, InstitutionRow, ProgrammeRow } from './types';

/** A school's row with its catalogue entry and its programmes' rows. */
export interface SchoolRecord {
  row: InstitutionRow;
  entry: SchoolEntry;
  programmes: ProgrammeRow[];
}

/** The institutions of the demo and everything they contain, with ids assigned from 1. */
export interface ReferenceData {
  institutions: InstitutionRow[];
  campuses: CampusRow[];
  careUnits: CareUnitRow[];
  programmes: ProgrammeRow[];
  /** Language of each institution's staff and students, by institution id. */
  languages: Record<number, Language>;
  /** Hospital rows in catalogue order: the university hospital first. */
  hospitals: InstitutionRow[];
  schools: SchoolRecord[];
}

/** Builds the rows of the hospital and school catalogues, the same on every call. */
export function buildReferenceData(): ReferenceData {
  const data: ReferenceData = {
    institutions: [],
    campuses: [],
    careUnits: [],
    programmes: [],
    languages: {},
    hospitals: [],
    schools: [],
  };
  for (const entry of HOSPITAL_CATALOGUE) addHospital(data, entry);
  for (const entry of SCHOOL_CATALOGUE) addSchool(data, entry);
  return data;
}

function addHospital(data: ReferenceData, entry: HospitalEntry): void {
  const hospital = addInstitution(data, 'hospital', entry);
  data.hospitals.push(hospital);

  for (const campusEntry of entry.campuses) {
    const campus: CampusRow = {
      id: data.campuses.length + 1,
      hospital_id: hospital.id,
      name: campusEntry.name,
      city: campusEntry.city,
    };
    data.campuses.push(campus);

    for (const [name, department, section, careKind] of campusEntry.units) {
      const id = data.careUnits.length + 1;
      data.careUnits.push({
        id,
        hospital_id: hospital.id,
        campus_id: campus.id,
        name,
        department,
        section,
        careKind,
      });
    }
  }
}

function addSchool(data: ReferenceData, entry: SchoolEntry): void {
  const school = addInstitution(data, 'school', entry);
  const programmes = entry.programmes.map((programme) => {
    const row: ProgrammeRow = {
      id: data.programmes.length + 1,
      school_id: school.id,
      name: programme.name,
      level: programme.level,
      year_levels: programme.yearLevels,
      discipline: programme.discipline,
    };
    data.programmes.push(row);
    return row;
  });
  data.schools.push({ row: school, entry, programmes });
}

function addInstitution(
  data: ReferenceData,
  kind: InstitutionRow['kind'],
  entry: HospitalEntry | SchoolEntry,
): InstitutionRow {
  const row: InstitutionRow = {
    id: data.institutions.length + 1,
    kind,
    name: entry.name,
    street: entry.street,
    postal_code: entry.postalCode,
    city: entry.city,
    country: 'BE',
  };
  data.institutions.push(row);
  data.languages[row.id] = entry.language;
  return row;
}
