import { toIsoDay } from './calendar';
import type { Language } from './names';
import type { Random } from './random';
import { PLACEMENTS } from './schools';
import type { CareUnitRow, ProgrammeRow, StagePlan, StageTarget, StudentRow } from './types';

/** Logins and languages the planner uses to fill in who requested a stage. */
export interface RequesterLogins {
  /** Login id of each student who has one, by student id. */
  studentUserIds: ReadonlyMap<number, number>;
  /** Login id of the coordinator of each school that has one, by school id. */
  coordinatorIdsBySchool: ReadonlyMap<number, number>;
  /** Language of each school, by institution id. */
  languages: Readonly<Record<number, Language>>;
}

/** A stage to place: the student, the unit and the period, before the requester is drawn. */
export interface Placement {
  student: StudentRow;
  unit: CareUnitRow;
  /** Day numbers of the first and last day. */
  start: number;
  end: number;
  target: StageTarget;
  /** Whether the student requested the stage; otherwise seven in ten did, the rest their school. */
  requestedByStudent?: boolean;
}

// How many random students to try before accepting one whose stages overlap.
const FREE_STUDENT_ATTEMPTS = 40;

const MOTIVATIONS = {
  fr: [
    'Je souhaite approfondir la prise en charge des patients chroniques.',
    'Ce service correspond à mon projet professionnel après le diplôme.',
    'J’aimerais découvrir le travail en équipe pluridisciplinaire dans cette unité.',
    'Mon mémoire porte sur ce domaine de soins.',
    'Stage obligatoire de mon année, proche de mon domicile.',
  ],
  nl: [
    'Ik wil meer ervaring opdoen met de zorg voor chronische patiënten.',
    'Deze afdeling past bij wat ik na mijn diploma wil doen.',
    'Ik wil graag het werk in een multidisciplinair team leren kennen.',
    'Mijn bachelorproef gaat over dit zorgdomein.',
    'Verplichte stage van dit jaar, dicht bij huis.',
  ],
};

/**
 * Places stages for students in care units that suit their programme, keeping each student's
 * stages apart in time where possible, and numbers them from 1 in the order they are planned.
 */
export class StagePlanner {
  readonly stages: StagePlan[] = [];
  readonly #busy = new Map<number, Array<[number, number]>>();
  readonly #unitsByKind = new Map<string, CareUnitRow[]>();

  constructor(
    private readonly random: Random,
    private readonly students: readonly StudentRow[],
    private readonly programmes: ReadonlyMap<number, ProgrammeRow>,
    units: readonly CareUnitRow[],
    private readonly requesters: RequesterLogins,
  ) {
    for (const unit of units) {
      const list = this.#unitsByKind.get(unit.careKind) ?? [];
      list.push(unit);
      this.#unitsByKind.set(unit.careKind, list);
    }
  }

  /** Returns the care units, of `hospitalId` if given, that take students of `student`'s programme. */
  unitsFor(student: StudentRow, hospitalId?: number): CareUnitRow[] {
    const kinds = PLACEMENTS[this.#programmeOf(student).discipline];
    const units = kinds.flatMap((kind) => this.#unitsByKind.get(kind) ?? []);
    return hospitalId === undefined
      ? units
      : units.filter((unit) => unit.hospital_id === hospitalId);
  }

  /** Whether `student` has no stage within three days of [start, end]. */
  isFree(student: StudentRow, start: number, end: number): boolean {
    const periods = this.#busy.get(student.id) ?? [];
    return periods.every(([from, to]) => end + 3 < from || start - 3 > to);
  }

  /** Returns a random student who is free over [start, end], or the last one tried. */
  drawFreeStudent(start: number, end: number): StudentRow {
    let student = this.random.pick(this.students);
    for (let attempt = 1; attempt < FREE_STUDENT_ATTEMPTS; attempt += 1) {
      if (this.isFree(student, start, end)) return student;
      student = this.random.pick(this.students);
    }
    return student;
  }

  /** Adds the stage of `placement`, with a requester and motivation drawn for it. */
  add(placement: Placement): StagePlan {
    const { student, unit, start, end, target } = placement;
    const requester = this.#drawRequester(student, placement.requestedByStudent);
    const plan: StagePlan = {
      id: this.stages.length + 1,
      student_id: student.id,
      care_unit_id: unit.id,
      hospital_id: unit.hospital_id,
      school_id: student.school_id,
      programme_id: student.programme_id,
      start_date: toIsoDay(start),
      end_date: toIsoDay(end),
      ...requester,
      target,
      asksForInformation: !['request', 'refused'].includes(target) && this.random.chance(0.08),
    };
    this.stages.push(plan);
    this.#markBusy(student.id, start, end);
    return plan;
  }

  #drawRequester(
    student: StudentRow,
    requestedByStudent = false,
  ): Pick<StagePlan, 'requested_by' | 'requester_role' | 'motivation'> {
    const language = this.requesters.languages[student.school_id] ?? 'fr';
    if (this.random.chance(0.7) || requestedByStudent) {
      return {
        requested_by: this.requesters.studentUserIds.get(student.id) ?? null,
        requester_role: 'student',
        motivation: this.random.pick(MOTIVATIONS[language]),
      };
    }
    return {
      requested_by: this.requesters.coordinatorIdsBySchool.get(student.school_id) ?? null,
      requester_role: 'school_coordinator',
      motivation: null,
    };
  }

  #markBusy(studentId: number, start: number, end: number): void {
    const periods = this.#busy.get(studentId) ?? [];
    periods.push([start, end]);
    this.#busy.set(studentId, periods);
  }

  #programmeOf(student: StudentRow): ProgrammeRow {
    const programme = this.programmes.get(student.programme_id);
    if (!programme)
      throw new Error(`Student ${student.id} has unknown programme ${student.programme_id}.`);
    return programme;
  }
}
