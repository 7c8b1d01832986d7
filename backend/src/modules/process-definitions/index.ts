import type { FeatureModule } from '../../platform/http/feature-module';
import { registerDefinitionRoutes } from './process-definitions.routes';

/** Deployed BPMN process definitions: list, versions, XML download, deploy. */
export const processDefinitionsModule: FeatureModule = {
  name: 'process-definitions',
  registerRoutes: registerDefinitionRoutes,
};
