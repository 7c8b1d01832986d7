import type { Language } from './names';
import type { CareKind, Discipline, ProgrammeRow } from './types';

/** A programme of the catalogue, with its share of the school's students. */
export interface ProgrammeEntry {
  name: string;
  level: ProgrammeRow['level'];
  yearLevels: number;
  discipline: Discipline;
  weight: number;
}

/** A school of the catalogue. Names, addresses and domains are invented. */
export interface SchoolEntry {
  name: string;
  language: Language;
  street: string;
  postalCode: string;
  city: string;
  /** School e-mail addresses read `first.last@<domain>.example`. */
  domain: string;
  /** First letters of the school's matricules. */
  matriculePrefix: string;
  /** Share of the demo's students enrolled here. */
  weight: number;
  programmes: ProgrammeEntry[];
}

/** The five demo schools. The first two belong to the main and the second demo logins. */
export const SCHOOL_CATALOGUE: readonly SchoolEntry[] = [
  {
    name: 'Haute École de santé Pierre-Lumière',
    language: 'fr',
    street: 'Rue des Tanneurs 58',
    postalCode: '1050',
    city: 'Ixelles',
    domain: 'he-pierre-lumiere',
    matriculePrefix: 'PL',
    weight: 0.27,
    programmes: [
      programme('Bachelier infirmier responsable de soins généraux', 'bachelor', 4, 'nursing', 6),
      programme('Bachelier sage-femme', 'bachelor', 4, 'midwifery', 2),
      programme(
        'Spécialisation en soins intensifs et aide médicale urgente',
        'specialisation',
        1,
        'critical_care',
        1,
      ),
    ],
  },
  {
    name: 'Hogeschool Netevallei',
    language: 'nl',
    street: 'Kempenstraat 21',
    postalCode: '2800',
    city: 'Mechelen',
    domain: 'netevallei',
    matriculePrefix: 'NV',
    weight: 0.23,
    programmes: [
      programme('Bachelor in de verpleegkunde', 'bachelor', 4, 'nursing', 6),
      programme('Bachelor in de vroedkunde', 'bachelor', 4, 'midwifery', 2),
      programme('Graduaat verpleegkunde (HBO5)', 'graduate', 3, 'nursing', 3),
    ],
  },
  {
    name: 'Faculté de médecine – Université de la Dyle',
    language: 'fr',
    street: 'Place du Cloître 3',
    postalCode: '1300',
    city: 'Wavre',
    domain: 'med-udyle',
    matriculePrefix: 'UD',
    weight: 0.17,
    programmes: [
      programme('Bachelier en médecine', 'bachelor', 3, 'medicine', 1),
      programme('Master en médecine', 'master', 3, 'medicine', 3),
    ],
  },
  {
    name: 'Haute École paramédicale du Condroz',
    language: 'fr',
    street: 'Chaussée de Marche 412',
    postalCode: '5100',
    city: 'Jambes',
    domain: 'hep-condroz',
    matriculePrefix: 'HC',
    weight: 0.16,
    programmes: [
      programme('Bachelier en kinésithérapie', 'bachelor', 3, 'physiotherapy', 3),
      programme('Master en kinésithérapie', 'master', 2, 'physiotherapy', 2),
      programme('Bachelier technologue en imagerie médicale', 'bachelor', 3, 'imaging', 2),
      programme('Bachelier en ergothérapie', 'bachelor', 3, 'occupational_therapy', 2),
    ],
  },
  {
    name: 'Hogeschool voor Gezondheidszorg Leiedal',
    language: 'nl',
    street: 'Doorniksesteenweg 145',
    postalCode: '8500',
    city: 'Kortrijk',
    domain: 'leiedal-hs',
    matriculePrefix: 'LD',
    weight: 0.17,
    programmes: [
      programme('Bachelor in de verpleegkunde', 'bachelor', 4, 'nursing', 5),
      programme('Bachelor in de medische beeldvorming', 'bachelor', 3, 'imaging', 2),
      programme('Bachelor in de ergotherapie', 'bachelor', 3, 'occupational_therapy', 2),
    ],
  },
];

/** The kinds of care where students of each discipline do their stages. */
export const PLACEMENTS: Readonly<Record<Discipline, readonly CareKind[]>> = {
  nursing: [
    'medicine',
    'surgery',
    'intensive_care',
    'emergency',
    'operating_theatre',
    'paediatrics',
    'maternity',
    'oncology',
    'geriatrics',
    'psychiatry',
    'rehabilitation',
  ],
  midwifery: ['maternity', 'paediatrics', 'operating_theatre'],
  critical_care: ['intensive_care', 'emergency', 'operating_theatre'],
  medicine: [
    'medicine',
    'surgery',
    'intensive_care',
    'emergency',
    'paediatrics',
    'maternity',
    'oncology',
    'geriatrics',
    'psychiatry',
  ],
  physiotherapy: ['rehabilitation', 'geriatrics', 'intensive_care', 'surgery', 'paediatrics'],
  imaging: ['imaging'],
  occupational_therapy: ['rehabilitation', 'geriatrics', 'psychiatry'],
};

function programme(
  name: string,
  level: ProgrammeRow['level'],
  yearLevels: number,
  discipline: Discipline,
  weight: number,
): ProgrammeEntry {
  return { name, level, yearLevels, discipline, weight };
}
