import { createLogger } from '../platform/logging/logger';
import type { ActivityBehaviour } from './activity-spec';
import { Engine, Timers, type BpmnEngine, type EngineOptions } from './bpmn-modules';
import type { EngineEffects } from './engine-effects';
import { createExpressions } from './expressions';
import { moddleOptions } from './moddle-extension';

/** Decides, inside a command, what a service task does when the engine reaches it. */
export type ServiceTaskResolver = (task: {
  activityId: string;
  executionId: string;
  plugin: string;
}) => { output: Record<string, unknown> } | null;

interface ExtensionActivity {
  id: string;
  type: string;
  behaviour: ActivityBehaviour & { Service?: unknown };
  environment: { output: Record<string, unknown> };
  broker: {
    subscribeTmp(
      exchange: string,
      pattern: string,
      handler: (routingKey: string, message: { content: { output?: unknown } }) => void,
      options: { noAck: boolean; consumerTag: string },
    ): void;
    cancel(consumerTag: string): void;
  };
}

/**
 * Builds an engine for one command. Timers never fire in memory: the scheduler fires them from
 * the database, which works across restarts and beyond setTimeout's 24.8-day limit. Service
 * tasks go through `resolveServiceTask`, and user-task values land in `environment.output`.
 */
export function createEngine(
  effects: EngineEffects,
  resolveServiceTask: ServiceTaskResolver,
  source?: string,
): BpmnEngine {
  const options = {
    name: 'stageflow',
    ...(source !== undefined && { source }),
    moddleOptions,
    expressions: createExpressions(),
    timers: new Timers({
      setTimeout: parkTimer as unknown as typeof setTimeout,
      clearTimeout: () => undefined,
    }),
    Logger: engineLogger,
    extensions: {
      stageflow: (activity: ExtensionActivity) =>
        stageflowExtension(activity, effects, resolveServiceTask),
    },
  };
  // The declared extension type is narrower than what bpmn-elements passes and accepts.
  return new Engine(options as unknown as EngineOptions);
}

function stageflowExtension(
  activity: ExtensionActivity,
  effects: EngineEffects,
  resolveServiceTask: ServiceTaskResolver,
) {
  const plugin = activity.behaviour.plugin;
  if (activity.type === 'bpmn:ServiceTask' && plugin) {
    activity.behaviour.Service = pluginService(activity.id, plugin, effects, resolveServiceTask);
  }
  if (activity.type !== 'bpmn:UserTask') return undefined;

  const consumerTag = `_stageflow-output-${activity.id}`;
  return {
    activate() {
      // bpmn-engine keeps a signal's payload on the activity only; gateway conditions read
      // `environment.output.<taskId>`, so copy it there when the task ends.
      activity.broker.subscribeTmp(
        'event',
        'activity.end',
        (_routingKey, message) => {
          activity.environment.output[activity.id] = message.content.output ?? {};
        },
        { noAck: true, consumerTag },
      );
    },
    deactivate() {
      activity.broker.cancel(consumerTag);
    },
  };
}

type ServiceCallback = (error: Error | null, output?: unknown) => void;

function pluginService(
  activityId: string,
  plugin: string,
  effects: EngineEffects,
  resolveServiceTask: ServiceTaskResolver,
) {
  return function PluginService(this: { execute: unknown }) {
    this.execute = (message: { content: { executionId: string } }, callback: ServiceCallback) => {
      const executionId = message.content.executionId;
      const resolved = resolveServiceTask({ activityId, executionId, plugin });
      // Without a stored result the task stays running in the saved state. The job worker
      // runs the plugin, and a later command that resumes the instance gets here again.
      if (resolved) callback(null, resolved.output);
      else effects.parkServiceTask({ activityId, executionId, plugin });
    };
  };
}

function parkTimer(): { parked: true } {
  return { parked: true };
}

function engineLogger(scope: string) {
  const log = createLogger(`engine:${scope}`);
  return {
    debug: (...args: unknown[]) => log.debug(args.join(' ')),
    warn: (...args: unknown[]) => log.warn(args.join(' ')),
    error: (...args: unknown[]) => log.error(args.join(' ')),
  };
}
