import type { Language } from './names';
import type { CareKind } from './types';

/** A care unit of the catalogue: name, department, section and the kind of care it gives. */
export type UnitEntry = [name: string, department: string, section: string | null, kind: CareKind];

/** A campus of the catalogue with its units. */
export interface CampusEntry {
  name: string;
  city: string;
  units: UnitEntry[];
}

/** A hospital of the catalogue. Names and addresses are invented. */
export interface HospitalEntry {
  name: string;
  /** Language of the hospital's staff, for the texts they write into tasks. */
  language: Language;
  street: string;
  postalCode: string;
  city: string;
  campuses: CampusEntry[];
}

const MEDICINE = 'Médecine interne';
const SURGERY = 'Chirurgie';
const IMAGING = 'Imagerie médicale';
const THEATRE = 'Quartier opératoire';

// A bilingual university hospital in Brussels: 3 campuses, 40 units.
const UNIVERSITY_HOSPITAL: HospitalEntry = {
  name: 'Hôpital universitaire de la Senne – Universitair Ziekenhuis Zenne',
  language: 'fr',
  street: 'Avenue des Saules 120',
  postalCode: '1070',
  city: 'Anderlecht',
  campuses: [
    {
      name: 'Campus Les Saules – Campus Wilgen',
      city: 'Anderlecht',
      units: [
        ['Unité 5A – Cardiologie', MEDICINE, 'Cardiologie', 'medicine'],
        ['Unité 5B – Pneumologie', MEDICINE, 'Pneumologie', 'medicine'],
        ['Unité 5C – Gastro-entérologie', MEDICINE, 'Gastro-entérologie', 'medicine'],
        ['Unité 6A – Néphrologie et dialyse', MEDICINE, 'Néphrologie', 'medicine'],
        ['Unité 6B – Neurologie et stroke unit', MEDICINE, 'Neurologie', 'medicine'],
        ['Unité 6C – Endocrinologie', MEDICINE, 'Endocrinologie', 'medicine'],
        ['Unité 4A – Chirurgie digestive', SURGERY, 'Chirurgie abdominale', 'surgery'],
        ['Unité 4B – Orthopédie et traumatologie', SURGERY, 'Orthopédie', 'surgery'],
        ['Unité 4C – Chirurgie cardiaque', SURGERY, 'Chirurgie cardio-vasculaire', 'surgery'],
        ['Unité 4D – Neurochirurgie', SURGERY, 'Neurochirurgie', 'surgery'],
        [
          'Soins intensifs adultes',
          'Soins intensifs',
          'Soins intensifs polyvalents',
          'intensive_care',
        ],
        ['Soins intensifs cardiaques', 'Soins intensifs', 'Unité coronarienne', 'intensive_care'],
        ['Urgences adultes', 'Urgences', 'Salle d’urgence', 'emergency'],
        ['Unité de courte durée', 'Urgences', 'Hospitalisation provisoire', 'emergency'],
        ['Bloc opératoire central', THEATRE, 'Salles d’opération', 'operating_theatre'],
        ['Salle de réveil', THEATRE, 'Soins post-anesthésiques', 'operating_theatre'],
        ['Radiologie centrale', IMAGING, 'Radiologie conventionnelle et scanner', 'imaging'],
        ['Résonance magnétique', IMAGING, 'IRM', 'imaging'],
      ],
    },
    {
      name: 'Campus Val-Fleuri – Campus Bloemendal',
      city: 'Uccle',
      units: [
        ['Salle d’accouchement', 'Maternité', 'Bloc obstétrical', 'maternity'],
        ['Maternité', 'Maternité', 'Post-partum', 'maternity'],
        ['MIC – Grossesses à risque', 'Maternité', 'Soins maternels intensifs', 'maternity'],
        ['Pédiatrie générale', 'Pédiatrie', null, 'paediatrics'],
        ['Néonatologie intensive (NIC)', 'Pédiatrie', 'Néonatologie', 'paediatrics'],
        ['Urgences pédiatriques', 'Pédiatrie', 'Urgences', 'paediatrics'],
        ['Chirurgie pédiatrique', 'Pédiatrie', 'Chirurgie', 'paediatrics'],
        ['Oncologie médicale', 'Oncologie', 'Tumeurs solides', 'oncology'],
        ['Hématologie et greffe', 'Oncologie', 'Hématologie', 'oncology'],
        ['Hôpital de jour oncologique', 'Oncologie', 'Chimiothérapie ambulatoire', 'oncology'],
        ['Radiothérapie', 'Oncologie', 'Radio-oncologie', 'imaging'],
        ['Bloc mère-enfant', THEATRE, 'Césariennes et chirurgie pédiatrique', 'operating_theatre'],
      ],
    },
    {
      name: 'Campus Kastanjelaan – Campus Les Marronniers',
      city: 'Jette',
      units: [
        ['Gériatrie aiguë', 'Gériatrie', 'Soins aigus', 'geriatrics'],
        ['Revalidation gériatrique (Sp)', 'Gériatrie', 'Service Sp', 'geriatrics'],
        ['Hôpital de jour gériatrique', 'Gériatrie', 'Évaluation ambulatoire', 'geriatrics'],
        ['Soins palliatifs', 'Gériatrie', 'Unité résidentielle', 'geriatrics'],
        ['Psychiatrie adultes', 'Psychiatrie', 'Hospitalisation', 'psychiatry'],
        ['Pédopsychiatrie', 'Psychiatrie', 'Enfants et adolescents', 'psychiatry'],
        ['Unité de crise', 'Psychiatrie', 'Urgences psychiatriques', 'psychiatry'],
        ['Revalidation locomotrice', 'Revalidation', 'Locomoteur', 'rehabilitation'],
        ['Revalidation neurologique', 'Revalidation', 'Neurologie', 'rehabilitation'],
        ['Médecine nucléaire', IMAGING, 'Scintigraphie et PET', 'imaging'],
      ],
    },
  ],
};

// A general hospital in Flanders: 1 campus, 12 units.
const GENERAL_HOSPITAL: HospitalEntry = {
  name: 'AZ Lindeveld',
  language: 'nl',
  street: 'Lindeveldstraat 8',
  postalCode: '2500',
  city: 'Lier',
  campuses: [
    {
      name: 'Campus Lindeveld',
      city: 'Lier',
      units: [
        ['Eenheid 3 – Cardiologie', 'Inwendige geneeskunde', 'Cardiologie', 'medicine'],
        ['Eenheid 4 – Pneumologie', 'Inwendige geneeskunde', 'Pneumologie', 'medicine'],
        [
          'Eenheid 5 – Gastro-enterologie',
          'Inwendige geneeskunde',
          'Gastro-enterologie',
          'medicine',
        ],
        ['Eenheid 6 – Algemene heelkunde', 'Heelkunde', 'Abdominale heelkunde', 'surgery'],
        ['Eenheid 7 – Orthopedie', 'Heelkunde', 'Orthopedie', 'surgery'],
        ['Intensieve zorg', 'Intensieve zorg', null, 'intensive_care'],
        ['Spoedgevallen', 'Spoedgevallen', null, 'emergency'],
        ['Materniteit', 'Moeder en kind', 'Kraamafdeling', 'maternity'],
        ['Kinderafdeling', 'Moeder en kind', 'Pediatrie', 'paediatrics'],
        ['Eenheid 2 – Geriatrie', 'Geriatrie', 'Acute geriatrie', 'geriatrics'],
        ['Operatiekwartier', 'Operatiekwartier', null, 'operating_theatre'],
        ['Radiologie', 'Medische beeldvorming', null, 'imaging'],
      ],
    },
  ],
};

/** The two demo hospitals, the university hospital of the main demo logins first. */
export const HOSPITAL_CATALOGUE: readonly HospitalEntry[] = [UNIVERSITY_HOSPITAL, GENERAL_HOSPITAL];
