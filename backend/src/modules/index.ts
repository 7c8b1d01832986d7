import type { FeatureModule } from '../platform/http/feature-module';
import { authModule } from './auth';
import { incidentsModule } from './incidents';
import { processDefinitionsModule } from './process-definitions';
import { referenceModule } from './reference';
import { stagesModule } from './stages';
import { tasksModule } from './tasks';

/** Every feature module of the API, in the order their routes are registered. */
export const featureModules: FeatureModule[] = [
  authModule,
  referenceModule,
  stagesModule,
  tasksModule,
  processDefinitionsModule,
  incidentsModule,
];
