import { AppError, ConflictError } from '../platform/errors/app-errors';

/** One reason a definition cannot be deployed, tied to the BPMN element at fault. */
export interface DeployProblem {
  elementId: string | null;
  rule: string;
  message: string;
}

/** A definition rejected at deploy time; `problems` lists every rule it breaks. */
export class DefinitionRejectedError extends AppError {
  constructor(readonly problems: DeployProblem[]) {
    super(
      `The definition was rejected: ${problems.length} problem(s); see problems.`,
      422,
      'definition_rejected',
      true,
      { problems },
    );
  }
}

/** Another command has locked the instance right now, so the caller may retry. */
export class InstanceBusyError extends ConflictError {
  constructor(instanceId: number) {
    super(`Process instance ${instanceId} is busy with another command; reload and try again.`, {
      instanceId,
    });
  }
}

/** The engine did not reach a wait state, or failed while running an activity. */
export class EngineRunError extends Error {
  constructor(
    message: string,
    readonly activityId: string | null,
  ) {
    super(message);
    this.name = 'EngineRunError';
  }
}
