import type { RawRuleOf } from '@casl/ability';
import type { AppAbility } from '../../core/ability/app-ability';
import type { SessionUser, Stage, StageDetail, Task } from '../../core/api/api-models';
import type { MeResponse } from '../../core/api/session-api';

/** Builds a signed-in user for specs; `overrides` replace single fields. */
export function aUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: 'user-1',
    email: 'coordinator@demo.example',
    name: 'Claire Coordinator',
    roles: ['hospital_coordinator'],
    institutionId: 'hospital-1',
    careUnitId: null,
    studentId: null,
    locale: null,
    ...overrides,
  };
}

/** Builds a `GET /api/me` body with `rules`. */
export function aMeResponse(rules: RawRuleOf<AppAbility>[], user = aUser()): MeResponse {
  return { user, rules };
}

/** Builds a task for specs, in the acceptance phase and claimable by hospital coordinators. */
export function aTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 'task-1',
    stageId: 'stage-1',
    activityId: 'review_request',
    name: 'Review request',
    phase: 'acceptance',
    candidateRole: 'hospital_coordinator',
    assignee: null,
    dueAt: '2027-03-10T12:00:00.000Z',
    createdAt: '2027-03-01T08:00:00.000Z',
    status: 'open',
    form: {
      fields: [
        {
          name: 'decision',
          type: 'enum',
          required: true,
          options: ['accept', 'refuse', 'more_info'],
          label: null,
        },
        { name: 'reason', type: 'text', required: false, options: [], label: null },
      ],
    },
    stage: {
      id: 'stage-1',
      startDate: '2027-04-05',
      endDate: '2027-05-14',
      student: { firstName: 'Lina', lastName: 'Peeters' },
      careUnit: { name: 'Cardiology 2B' },
      school: { name: 'HE Vinci' },
    },
    ...overrides,
  };
}

/** Builds a stage for specs, in the request phase. */
export function aStage(overrides: Partial<Stage> = {}): Stage {
  return {
    id: 'stage-1',
    phase: 'request',
    status: 'active',
    startDate: '2027-04-05',
    endDate: '2027-05-14',
    student: { id: 'student-1', firstName: 'Lina', lastName: 'Peeters' },
    careUnit: {
      id: 'unit-1',
      name: 'Cardiology 2B',
      department: 'Cardiology',
      campusName: 'Saint-Luc',
    },
    hospital: { id: 'hospital-1', name: 'Cliniques Saint-Luc' },
    school: { id: 'school-1', name: 'HE Vinci' },
    programme: { id: 'programme-1', name: 'Bachelor in nursing' },
    motivation: 'I want to learn cardiac care.',
    ...overrides,
  };
}

/** Builds a stage with history, tasks and participants for specs. */
export function aStageDetail(overrides: Partial<StageDetail> = {}): StageDetail {
  return { ...aStage(), history: [], tasks: [], participants: [], ...overrides };
}
