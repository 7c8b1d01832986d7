import { createItAccountPlugin } from '../../plugins/it-account/src';
import type { ServicePlugin } from './plugin-api';

/** Builds the service plugins this installation offers to BPMN service tasks. */
export function installedPlugins(): ServicePlugin[] {
  return [createItAccountPlugin()];
}
