/**
 * bpmn-engine and bpmn-elements, as the runtime loads them. Both packages mark their type
 * declarations as ES module types although Node loads their CommonJS builds here, so
 * TypeScript's node16 resolution rejects a static import. A typed require loads the same code.
 */
import type * as EngineModule from 'bpmn-engine' with { 'resolution-mode': 'import' };
import type * as ElementsModule from 'bpmn-elements' with { 'resolution-mode': 'import' };

/* eslint-disable @typescript-eslint/no-require-imports */
const engineModule = require('bpmn-engine') as typeof EngineModule;
const elementsModule = require('bpmn-elements') as typeof ElementsModule;
/* eslint-enable @typescript-eslint/no-require-imports */

export const { Engine } = engineModule;
export const { Environment, Timers } = elementsModule;

/** An engine instance, the type of `new Engine(...)`. */
export type BpmnEngine = InstanceType<typeof Engine>;
/** Options accepted by the Engine constructor. */
export type EngineOptions = ConstructorParameters<typeof Engine>[0];
