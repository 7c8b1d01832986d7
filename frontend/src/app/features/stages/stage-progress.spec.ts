import type { StageHistoryEntry } from '../../core/api/api-models';
import { aStageDetail, aTask } from '../../shared/testing/fixtures';
import { buildTimeline, nextStep } from './stage-progress';

describe('buildTimeline()', () => {
  it('marks earlier phases done, the current one current and later ones upcoming', () => {
    const stage = aStageDetail({
      phase: 'preparation',
      history: [
        entry('1', 'request', '2027-03-01T08:00:00Z'),
        entry('2', 'acceptance', '2027-03-02T08:00:00Z'),
      ],
    });

    const states = buildTimeline(stage).map((item) => `${item.phase}:${item.state}`);

    expect(states).toEqual([
      'request:done',
      'acceptance:done',
      'preparation:current',
      'execution:upcoming',
      'validation:upcoming',
      'evaluation:upcoming',
      'recruitment:upcoming',
      'closed:upcoming',
    ]);
  });

  it('ends a refused stage at its phase and skips the rest', () => {
    const stage = aStageDetail({
      phase: 'acceptance',
      status: 'refused',
      history: [entry('1', 'request', '2027-03-01T08:00:00Z')],
    });

    const states = buildTimeline(stage).map((item) => item.state);

    expect(states.slice(0, 3)).toEqual(['done', 'done', 'skipped']);
  });

  it('files entries without a phase under the phase in force, oldest first', () => {
    const stage = aStageDetail({
      phase: 'acceptance',
      history: [
        entry('late', null, '2027-03-03T08:00:00Z'),
        entry('accepted', 'acceptance', '2027-03-02T08:00:00Z'),
        entry('requested', 'request', '2027-03-01T08:00:00Z'),
      ],
    });

    const acceptance = buildTimeline(stage)[1];

    expect(acceptance.entries.map((item) => item.id)).toEqual(['accepted', 'late']);
  });
});

describe('nextStep()', () => {
  it('lists the open tasks of an active stage', () => {
    const task = aTask();

    expect(nextStep(aStageDetail({ tasks: [task] }))).toEqual({ kind: 'tasks', tasks: [task] });
  });

  it('falls back to the phase when no task is open', () => {
    expect(nextStep(aStageDetail({ phase: 'execution' }))).toEqual({
      kind: 'phase',
      phase: 'execution',
    });
  });

  it('reports a stage that has ended', () => {
    expect(nextStep(aStageDetail({ status: 'refused', tasks: [aTask()] }))).toEqual({
      kind: 'finished',
      status: 'refused',
    });
  });
});

function entry(id: string, phase: StageHistoryEntry['phase'], at: string): StageHistoryEntry {
  return {
    id,
    at,
    phase,
    type: 'task_completed',
    activityId: null,
    activityName: null,
    actor: null,
    data: null,
  };
}
