import type { DemoUserRow } from '../../../db/seeds/demo/types';

/** The candidate columns of a task row, which name who may complete it. */
export interface TaskCandidateColumns {
  candidate_role: string;
  candidate_institution_id: number | null;
  candidate_unit_id: number | null;
  candidate_student_id: number | null;
}

/**
 * Finds the demo login that would complete a task, so the history names a person where the
 * demo has one. Other institutions have no logins, so their tasks are completed with no actor.
 */
export class DemoActorDirectory {
  readonly #byKey = new Map<string, number>();

  constructor(users: readonly DemoUserRow[]) {
    for (const user of users) {
      for (const role of user.roles) {
        if (user.student_id !== null) this.#byKey.set(`student:${user.student_id}`, user.id);
        if (user.care_unit_id !== null)
          this.#byKey.set(`${role}:unit:${user.care_unit_id}`, user.id);
        if (user.institution_id !== null)
          this.#byKey.set(`${role}:${user.institution_id}`, user.id);
      }
    }
  }

  /** Returns the id of the demo login among the task's candidates, or null when none is. */
  actorFor(task: TaskCandidateColumns): number | null {
    if (task.candidate_student_id !== null) {
      return this.#byKey.get(`student:${task.candidate_student_id}`) ?? null;
    }
    if (task.candidate_unit_id !== null) {
      return this.#byKey.get(`${task.candidate_role}:unit:${task.candidate_unit_id}`) ?? null;
    }
    return this.#byKey.get(`${task.candidate_role}:${task.candidate_institution_id}`) ?? null;
  }
}
