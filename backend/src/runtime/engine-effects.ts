import { EventEmitter } from 'node:events';
import { readUserTaskSpec, type ActivityBehaviour, type UserTaskSpec } from './activity-spec';

/** A user task the engine is waiting on. */
export interface WaitingTask {
  activityId: string;
  executionId: string;
  spec: UserTaskSpec;
}

/** A timer event the engine has started; the scheduler fires it at `dueAt`. */
export interface StartedTimer {
  activityId: string;
  executionId: string;
  dueAt: Date;
}

/** A service task that must run outside the command, through the job worker. */
export interface ParkedServiceTask {
  activityId: string;
  executionId: string;
  plugin: string;
}

/** One history line, before it gets its instance and stage ids. */
export interface HistoryEntry {
  type: string;
  activityId: string | null;
  activityName: string | null;
  phase: string | null;
  data: Record<string, unknown>;
}

interface ActivityApi {
  id: string;
  type: string;
  executionId: string;
  owner: { behaviour: ActivityBehaviour };
  content: {
    expireAt?: string | Date;
    parent?: { id: string; executionId: string };
    output?: unknown;
    isRecovered?: boolean;
    isRootScope?: boolean;
  };
  fields: { redelivered?: boolean; routingKey?: string };
}

/**
 * Listens to one engine run and records what it did: waits, timers, phase changes, endings and
 * history. Nothing here touches the database; the command persists the effects afterwards in
 * its transaction, so a crash mid-command leaves no trace.
 */
export class EngineEffects {
  readonly listener = new EventEmitter();
  readonly waitingTasks = new Map<string, WaitingTask>();
  readonly startedTimers = new Map<string, StartedTimer>();
  readonly endedTimers = new Set<string>();
  readonly parkedServiceTasks = new Map<string, ParkedServiceTask>();
  readonly finishedServiceTasks = new Set<string>();
  readonly history: HistoryEntry[] = [];
  /** Phase of the latest activity that started with an `sf:phase`. */
  phase: string | null = null;
  /** Stage status from the `sf:stageStatus` of the end event reached, if any. */
  stageStatus: string | null = null;
  /** Incremented on every engine event, so a caller can tell when the engine has settled. */
  eventCount = 0;
  /** The first activity error, which turns the instance into an incident. */
  failure: { activityId: string; message: string } | null = null;

  constructor() {
    this.listener.on('activity.start', (api: ActivityApi) => this.recordStart(api));
    this.listener.on('activity.wait', (api: ActivityApi) => this.recordWait(api));
    this.listener.on('activity.timer', (api: ActivityApi) => this.recordTimer(api));
    this.listener.on('activity.end', (api: ActivityApi) => this.recordEnd(api));
    this.listener.on('activity.error', (api: ActivityApi) => this.recordError(api));
    this.listener.on('activity.discard', () => this.eventCount++);
    this.listener.on('flow.take', () => this.eventCount++);
  }

  /** Records a service task that cannot finish inside the command. */
  parkServiceTask(task: ParkedServiceTask): void {
    this.eventCount++;
    this.parkedServiceTasks.set(task.executionId, task);
  }

  private recordStart(api: ActivityApi): void {
    this.eventCount++;
    const behaviour = api.owner.behaviour;
    if (behaviour.phase) this.phase = behaviour.phase;
    // A resumed activity announces its start again; history already has the first one.
    if (api.fields.redelivered || api.content.isRecovered) return;
    if (isPassThrough(api.type) || api.type === 'bpmn:UserTask') return;

    this.history.push(entry('activity.started', api));
  }

  private recordWait(api: ActivityApi): void {
    this.eventCount++;
    if (api.type !== 'bpmn:UserTask') return;

    this.waitingTasks.set(api.executionId, {
      activityId: api.id,
      executionId: api.executionId,
      spec: readUserTaskSpec(api.owner.behaviour),
    });
  }

  private recordTimer(api: ActivityApi): void {
    this.eventCount++;
    if (api.content.expireAt === undefined) return;

    // The timer event definition runs under its own execution id (the event's plus a suffix);
    // the event's own id is what its activity.end carries.
    const parent = api.content.parent;
    const executionId = parent?.id === api.id ? parent.executionId : api.executionId;
    this.startedTimers.set(executionId, {
      activityId: api.id,
      executionId,
      dueAt: new Date(api.content.expireAt),
    });
  }

  private recordEnd(api: ActivityApi): void {
    this.eventCount++;
    const behaviour = api.owner.behaviour;
    // A recovered timer ends through its event definition, so `api.type` can be
    // bpmn:TimerEventDefinition; the element type is on the behaviour.
    const elementType = behaviour.$type;
    if (elementType === 'bpmn:ServiceTask') this.finishedServiceTasks.add(api.executionId);
    if (elementType === 'bpmn:IntermediateCatchEvent' || elementType === 'bpmn:BoundaryEvent') {
      this.endedTimers.add(api.executionId);
    }
    if (elementType === 'bpmn:EndEvent' && behaviour.stageStatus) {
      this.stageStatus = behaviour.stageStatus;
    }
    // User tasks get richer task.created and task.completed lines from the command instead.
    if (!isPassThrough(elementType) && elementType !== 'bpmn:UserTask') {
      this.history.push(entry('activity.completed', api));
    }
  }

  private recordError(api: ActivityApi): void {
    this.eventCount++;
    const output = api.content.output as { message?: string } | undefined;
    this.failure ??= { activityId: api.id, message: output?.message ?? 'activity failed' };
  }
}

// Gateways and sequence flows add nothing a coordinator needs in a stage's history.
function isPassThrough(type: string): boolean {
  return type.endsWith('Gateway') || type === 'bpmn:SequenceFlow';
}

function entry(type: string, api: ActivityApi): HistoryEntry {
  const behaviour = api.owner.behaviour;
  return {
    type,
    activityId: api.id,
    activityName: behaviour.name ?? null,
    phase: behaviour.phase ?? null,
    data: { activityType: behaviour.$type },
  };
}
