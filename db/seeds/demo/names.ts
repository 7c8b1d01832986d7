import type { Random } from './random';

/** Language community of a school or hospital, which sets the mix of names and labels. */
export type Language = 'fr' | 'nl';

/** A person's first and last name. */
export interface PersonName {
  firstName: string;
  lastName: string;
}

// Names common among people born in Belgium around 2000, written for this seed.
// prettier-ignore
const FRENCH_FIRST_NAMES = [
  'Emma', 'Louise', 'Léa', 'Chloé', 'Camille', 'Manon', 'Julie', 'Sarah', 'Laura', 'Marie',
  'Charlotte', 'Juliette', 'Pauline', 'Océane', 'Margaux', 'Céline', 'Amélie', 'Élise', 'Zoé',
  'Noémie', 'Justine', 'Aurélie', 'Mélanie', 'Hélène', 'Clara', 'Inès', 'Lucie', 'Alice',
  'Morgane', 'Valentine', 'Florence', 'Anaïs', 'Lou', 'Victoire', 'Gaëlle', 'Maxime', 'Thomas',
  'Nicolas', 'Antoine', 'Julien', 'Arnaud', 'Guillaume', 'Romain', 'Cédric', 'Olivier', 'Hugo',
  'Louis', 'Nathan', 'Simon', 'Quentin', 'Benoît', 'Martin', 'Alexandre', 'Théo', 'Lucas',
  'Corentin', 'Florian', 'Adrien', 'Sébastien', 'François', 'Grégoire', 'Mathieu', 'Loïc',
];

// prettier-ignore
const DUTCH_FIRST_NAMES = [
  'Lotte', 'Hanne', 'Lien', 'Femke', 'Sien', 'Fien', 'Marie', 'Elise', 'Lore', 'Jana', 'Nore',
  'Ine', 'Eline', 'Lisa', 'Anouk', 'Margot', 'Silke', 'Liesbeth', 'Sofie', 'Annelies', 'Katrien',
  'Evelien', 'Jolien', 'Kaat', 'Noor', 'Ellen', 'Tine', 'Veerle', 'Griet', 'Amber', 'Febe',
  'Ruben', 'Jens', 'Pieter', 'Wout', 'Arne', 'Sander', 'Thijs', 'Bram', 'Stijn', 'Jonas',
  'Lander', 'Tibo', 'Seppe', 'Joris', 'Koen', 'Matthias', 'Dries', 'Gilles', 'Brecht', 'Jef',
  'Lukas', 'Robbe', 'Warre', 'Niels', 'Toon', 'Wannes', 'Kobe', 'Maarten', 'Jasper', 'Tom',
];

// prettier-ignore
const FRENCH_LAST_NAMES = [
  'Dubois', 'Lambert', 'Dupont', 'Martin', 'Simon', 'Laurent', 'Leclercq', 'Lejeune', 'Renard',
  'Collard', 'Leroy', 'Denis', 'Lemaire', 'François', 'Gérard', 'Hubert', 'Mathieu', 'Delvaux',
  'Marchal', 'Henrard', 'Lecomte', 'Dumont', 'Piron', 'Noël', 'Wathelet', 'Thiry', 'Gilson',
  'Lefèvre', 'Bertrand', 'Jacquet', 'Hennuy', 'Delhaye', 'Bodart', 'Gillet', 'Masson',
  'Pirard', 'Louis', 'Legrand', 'Baudoux', 'Poncelet', 'Close', 'Remacle', 'Hardy', 'Charlier',
  'Dethier', 'Mahy', 'Lhoest', 'Sépulchre', 'Warnier', 'Cornet', 'Defossez', 'Toussaint',
];

// prettier-ignore
const DUTCH_LAST_NAMES = [
  'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters',
  'De Smet', 'Dubois', 'Vermeulen', 'Van Damme', 'Hermans', 'Aerts', 'Pauwels', 'Michiels',
  'Desmet', 'Van den Bossche', 'De Clercq', 'Verstraete', 'Coppens', 'Smets', 'Cools',
  'Van de Velde', 'Vandenberghe', 'Declercq', 'Lemmens', 'Thys', 'De Backer', 'Segers',
  'Verhoeven', 'Claeys', 'Martens', 'Van Acker', 'Bogaert', 'De Wilde', 'Stevens', 'Wuyts',
  'Verbeke', 'Hendrickx', 'Vercammen', 'Nijs', 'Timmermans', "D'hondt", 'Van Hecke', 'Geerts',
  'Van Loon', 'De Ridder', 'Baert', 'Verlinden', 'Moens',
];

// Families of many origins live in Belgium, Brussels above all: about one name in eight.
// prettier-ignore
const OTHER_FIRST_NAMES = [
  'Yasmine', 'Nadia', 'Amina', 'Salma', 'Elif', 'Zeynep', 'Aïcha', 'Fatou', 'Ana', 'Giulia',
  'Karim', 'Mehdi', 'Youssef', 'Bilal', 'Emre', 'Mamadou', 'Marco', 'Piotr', 'Andrei', 'Diego',
];

// prettier-ignore
const OTHER_LAST_NAMES = [
  'El Amrani', 'Benali', 'Bouzid', 'Yilmaz', 'Demir', 'Kaya', 'Diallo', 'Mbuyi', 'Kabasele',
  'Nowak', 'Kowalski', 'Popescu', 'Russo', 'Esposito', 'Fernández', 'Da Silva', 'Nguyen',
];

/** Draws a name, mostly from the `language` community, sometimes from the other or elsewhere. */
export function drawPersonName(random: Random, language: Language): PersonName {
  const roll = random.next();
  if (roll < 0.125) {
    return { firstName: random.pick(OTHER_FIRST_NAMES), lastName: random.pick(OTHER_LAST_NAMES) };
  }

  const other: Language = language === 'fr' ? 'nl' : 'fr';
  const community = roll < 0.275 ? other : language;
  return community === 'fr'
    ? { firstName: random.pick(FRENCH_FIRST_NAMES), lastName: random.pick(FRENCH_LAST_NAMES) }
    : { firstName: random.pick(DUTCH_FIRST_NAMES), lastName: random.pick(DUTCH_LAST_NAMES) };
}

/** Lower-cases `text` and drops accents, spaces and apostrophes, for an e-mail local part. */
export function toEmailPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
}
