import type { Language } from '../../../db/seeds/demo/names';
import type { Random } from '../../../db/seeds/demo/random';
import type { StagePlan } from '../../../db/seeds/demo/types';

/** Inputs of a demo task's values besides the stage's plan. */
export interface TaskContext {
  plan: StagePlan;
  random: Random;
  /** Language of the hospital's staff and of the student's school. */
  hospitalLanguage: Language;
  schoolLanguage: Language;
  /** Whether the hospital already asked the requester for more information. */
  informationAsked: boolean;
}

type Phrases = Record<Language, readonly string[]>;

const REFUSAL_REASONS: Phrases = {
  fr: [
    'Capacité d’accueil atteinte pour cette période.',
    'Pas de tuteur disponible pendant les congés d’été.',
    'L’unité est en rénovation à ces dates.',
  ],
  nl: [
    'De afdeling heeft voor die periode al genoeg stagiairs.',
    'Geen mentor beschikbaar tijdens de zomervakantie.',
    'De afdeling wordt op die data verbouwd.',
  ],
};

const QUESTIONS: Phrases = {
  fr: ['Pouvez-vous préciser vos objectifs de stage ?', 'Quelles sont vos disponibilités ?'],
  nl: ['Kan je je stagedoelen verduidelijken?', 'Wanneer ben je beschikbaar?'],
};

const ANSWERS: Phrases = {
  fr: ['Objectifs du portfolio joints, merci.', 'Disponible du lundi au vendredi, pas de garde.'],
  nl: ['Doelen uit het portfolio toegevoegd, dank je.', 'Beschikbaar van maandag tot vrijdag.'],
};

const COMMENTS: Phrases = {
  fr: [
    'Bonne intégration dans l’équipe.',
    'Gestes techniques maîtrisés, à poursuivre en autonomie.',
    'Communication avec les patients à renforcer.',
    'Accueil chaleureux, encadrement disponible.',
  ],
  nl: [
    'Goed geïntegreerd in het team.',
    'Technische vaardigheden in orde, verder werken aan zelfstandigheid.',
    'Communicatie met patiënten kan sterker.',
    'Hartelijk onthaal en beschikbare begeleiding.',
  ],
};

const RATINGS = ['2', '3', '3', '4', '4', '4', '5', '5'];

/**
 * Returns the form values the seed submits for a task of `activityId`. They follow the stage's
 * plan: the review refuses a stage planned as refused and requests more information when planned.
 */
export function demoTaskValues(activityId: string, context: TaskContext): Record<string, unknown> {
  const { random, plan, hospitalLanguage, schoolLanguage } = context;
  switch (activityId) {
    case 'review_request':
      return reviewValues(context);
    case 'provide_information':
      return { answer: random.pick(ANSWERS[schoolLanguage]) };
    case 'prepare_badge':
      // A drawn number, not the stage id, since cloned stages share their template's values.
      return { badgeNumber: `B${plan.hospital_id}-${random.integer(100_000, 999_999)}` };
    case 'assign_locker':
      return { lockerNumber: `V${random.integer(1, 4)}-${random.integer(1, 250)}` };
    case 'check_hygiene':
      return hygieneValues(random, hospitalLanguage);
    case 'confirm_execution':
      return absenceValues(random, hospitalLanguage);
    case 'validate_stage':
      return { validated: random.chance(0.96), comment: random.pick(COMMENTS[hospitalLanguage]) };
    case 'evaluate_by_hospital':
      return { rating: random.pick(RATINGS), comment: random.pick(COMMENTS[hospitalLanguage]) };
    case 'evaluate_by_student':
      return { rating: random.pick(RATINGS), comment: random.pick(COMMENTS[schoolLanguage]) };
    case 'recruitment_decision':
      return { decision: random.chance(0.35) ? 'offer' : 'no_offer' };
    default:
      throw new Error(
        `The demo seed has no values for task ${activityId} of stage ${plan.id}; ` +
          'add a case to demoTaskValues() or seed against the stage-lifecycle definition.',
      );
  }
}

function reviewValues({ plan, random, hospitalLanguage, informationAsked }: TaskContext) {
  if (plan.target === 'refused') {
    return { decision: 'refuse', reason: random.pick(REFUSAL_REASONS[hospitalLanguage]) };
  }
  if (plan.target === 'request' || (plan.asksForInformation && !informationAsked)) {
    return { decision: 'more_info', question: random.pick(QUESTIONS[hospitalLanguage]) };
  }
  return { decision: 'accept' };
}

function hygieneValues(random: Random, language: Language) {
  if (random.chance(0.93)) return { vaccinationsComplete: true };
  const notes = language === 'fr' ? 'Rappel hépatite B à prévoir.' : 'Hepatitis B-booster nodig.';
  return { vaccinationsComplete: false, notes };
}

function absenceValues(random: Random, language: Language) {
  if (random.chance(0.8)) return { absenceDays: 0 };
  const absenceDays = random.integer(1, 3);
  const absenceNotes = language === 'fr' ? 'Certificat médical remis.' : 'Doktersattest bezorgd.';
  return { absenceDays, absenceNotes };
}
