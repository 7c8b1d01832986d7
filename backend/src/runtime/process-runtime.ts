import type { Knex } from 'knex';

/** The stage data a process instance reads as `environment.variables.stage`. */
export interface StageVariables {
  id: number;
  studentId: number;
  careUnitId: number;
  hospitalId: number;
  schoolId: number;
  programmeId: number;
  /** ISO calendar days, such as 2027-02-01. */
  startDate: string;
  endDate: string;
  /** Role of the user who requested the stage: `student` or `school_coordinator`. */
  requesterRole: 'student' | 'school_coordinator';
  recruitmentConsent: boolean;
}

/** A deployed, immutable version of a process definition. */
export interface DeployedDefinition {
  id: number;
  key: string;
  version: number;
  name: string;
  deployedAt: Date;
}

/** The user issuing a command; `userId` is null for the scheduler and the job worker. */
export interface CommandActor {
  userId: number | null;
}

/** The outcome of completing a user task. */
export interface TaskCompletion {
  taskId: number;
  instanceId: number;
  /** Status of the instance once the command has run. */
  instanceStatus: 'running' | 'completed' | 'incident' | 'terminated';
}

/**
 * The only entry point into process execution. Every method is one command: it locks the
 * instance, recovers a fresh engine from the saved state, applies one signal, waits until the
 * engine is idle and saves state, tasks, history, timers and jobs in one transaction.
 */
export interface ProcessRuntime {
  /** Validates and stores a new version of the definition in `xml`. */
  deployDefinition(xml: string, actor: CommandActor): Promise<DeployedDefinition>;

  /**
   * Starts an instance of the latest version of `definitionKey` for the stage, inside the
   * caller's transaction so the stage row and its instance commit together.
   */
  startInstance(
    trx: Knex.Transaction,
    input: { definitionKey: string; stage: StageVariables; actor: CommandActor },
  ): Promise<{ instanceId: number }>;

  /**
   * Starts an instance for `stage` by copying the instance of the template stage instead of
   * running the engine, inside the caller's transaction: the clone continues exactly as the
   * template would, with the stage's own ids and dates. The template's start and end days must
   * lie more than a year from when its instance ran, so no other value is taken for them.
   */
  cloneInstance(
    trx: Knex.Transaction,
    input: { templateStageId: number; stage: StageVariables; actor: CommandActor },
  ): Promise<{ instanceId: number }>;

  /**
   * Completes the open task `taskId` with form `values`, which are checked against the task's
   * form fields first. Throws ConflictError when the task is no longer open or another command
   * has locked the instance.
   */
  completeTask(
    taskId: number,
    values: Record<string, unknown>,
    actor: CommandActor,
  ): Promise<TaskCompletion>;

  /** Fires up to `limit` timers that are due; returns how many fired. */
  fireDueTimers(limit?: number): Promise<number>;

  /** Runs up to `limit` pending service-task jobs and resumes their instances. */
  runPendingJobs(limit?: number): Promise<number>;

  /** Marks every job left `running` by a dead process as an incident; returns the count. */
  recoverInterruptedJobs(): Promise<number>;

  /** Sends the job behind an open incident back to the queue and resolves the incident. */
  retryIncident(incidentId: number, actor: CommandActor): Promise<void>;
}
