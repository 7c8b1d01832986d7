import {
  type Phase,
  PHASES,
  type StageDetail,
  type StageHistoryEntry,
  type Task,
} from '../../core/api/api-models';

/** State of a phase in a stage's life. */
export type PhaseState = 'done' | 'current' | 'upcoming' | 'skipped';

/** One phase of the timeline, with the history entries recorded in it, oldest first. */
export interface TimelinePhase {
  phase: Phase;
  state: PhaseState;
  entries: StageHistoryEntry[];
}

/** Next step of a stage, as the stage page explains it. */
export type NextStep =
  | { kind: 'finished'; status: 'refused' | 'cancelled' | 'completed' }
  | { kind: 'tasks'; tasks: Task[] }
  | { kind: 'phase'; phase: Phase };

/**
 * Lays out the phases of a stage in process order. Phases before the current one are done, or
 * skipped when the history never entered them, and later phases are upcoming. When the stage
 * has ended (refused, cancelled, completed), its last phase is done and later ones are skipped.
 */
export function buildTimeline(stage: StageDetail): TimelinePhase[] {
  const currentIndex = PHASES.indexOf(stage.phase);
  const isOver = stage.status !== 'active';
  const entriesByPhase = groupByPhase(stage.history);

  return PHASES.map((phase, index) => {
    const entries = entriesByPhase.get(phase) ?? [];
    let state: PhaseState;
    if (index < currentIndex) state = entries.length ? 'done' : 'skipped';
    else if (index === currentIndex) state = isOver ? 'done' : 'current';
    else state = isOver ? 'skipped' : 'upcoming';
    return { phase, state, entries };
  });
}

/** Tells what the stage waits for: nothing when it ended, its open tasks, or its phase. */
export function nextStep(stage: StageDetail): NextStep {
  if (stage.status !== 'active') return { kind: 'finished', status: stage.status };
  const openTasks = stage.tasks.filter((task) => task.status === 'open');
  if (openTasks.length) return { kind: 'tasks', tasks: openTasks };
  return { kind: 'phase', phase: stage.phase };
}

function groupByPhase(history: readonly StageHistoryEntry[]): Map<Phase, StageHistoryEntry[]> {
  const sorted = [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const grouped = new Map<Phase, StageHistoryEntry[]>();
  let phase: Phase = 'request';
  for (const entry of sorted) {
    // Entries without a phase (such as a comment) belong to the phase in force at that time.
    phase = entry.phase ?? phase;
    grouped.set(phase, [...(grouped.get(phase) ?? []), entry]);
  }
  return grouped;
}
