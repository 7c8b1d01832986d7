/** Time spent in one kind of step. */
export interface StepTiming {
  step: string;
  count: number;
  totalMs: number;
}

/** Accumulates the wall-clock time of each kind of step, to show where a long run spends it. */
export class StepTimings {
  readonly #byStep = new Map<string, StepTiming>();

  /** Runs `work` and adds its duration to `step`, whether it succeeds or throws. */
  async measure<T>(step: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      const timing = this.#byStep.get(step) ?? { step, count: 0, totalMs: 0 };
      timing.count += 1;
      timing.totalMs += performance.now() - started;
      this.#byStep.set(step, timing);
    }
  }

  /** Returns every step, the most time-consuming first, with times rounded to milliseconds. */
  summary(): StepTiming[] {
    return [...this.#byStep.values()]
      .sort((left, right) => right.totalMs - left.totalMs)
      .map((timing) => ({ ...timing, totalMs: Math.round(timing.totalMs) }));
  }
}
