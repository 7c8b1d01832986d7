/** The contract plugins build on; they import nothing else from the backend. */
export type { ServicePlugin, ServicePluginContext } from './service-plugin';
export { PermanentPluginError } from './service-plugin';
export type { StageVariables } from '../runtime/process-runtime';
