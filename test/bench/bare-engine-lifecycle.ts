import { EventEmitter } from 'node:events';
import { Engine } from '../../backend/src/runtime/bpmn-modules';
import { createExpressions } from '../../backend/src/runtime/expressions';
import { moddleOptions } from '../../backend/src/runtime/moddle-extension';
import type { StageVariables } from '../../backend/src/runtime/process-runtime';
import { MAIN_PATH_VALUES } from '../support/lifecycle-driver';

interface WaitApi {
  id: string;
  type: string;
  signal(message: unknown): void;
  environment: { output: Record<string, unknown> };
}

/**
 * Runs one lifecycle of `source` on a bare bpmn-engine kept in memory: no persistence, no
 * recovery, service tasks completing at once. It is the baseline the runtime is compared with.
 */
export async function runBareLifecycle(source: string, stage: StageVariables): Promise<void> {
  const listener = new EventEmitter();
  listener.on('wait', (api: WaitApi) => {
    if (api.type !== 'bpmn:UserTask') return;
    const values = MAIN_PATH_VALUES[api.id] ?? {};
    api.environment.output[api.id] = values;
    setImmediate(() => api.signal(values));
  });

  const engine = new Engine({
    name: 'baseline',
    source,
    moddleOptions,
    expressions: createExpressions(),
    extensions: {
      instantServices(activity: { type: string; behaviour: { Service?: unknown } }) {
        if (activity.type !== 'bpmn:ServiceTask') return;
        activity.behaviour.Service = function InstantService(this: { execute: unknown }) {
          this.execute = (_message: unknown, callback: (error: null, output: object) => void) =>
            callback(null, {});
        };
      },
    },
  } as unknown as ConstructorParameters<typeof Engine>[0]);

  const ended = new Promise<void>((resolve, reject) => {
    engine.once('end', () => resolve());
    engine.once('error', reject);
  });
  await engine.execute({ listener, variables: { stage } });
  await ended;
}
