import type { FeatureModule } from '../../platform/http/feature-module';
import { registerStageRoutes } from './stages.routes';

/** Stage requests, the stage list and the stage detail (`/api/stages`). */
export const stagesModule: FeatureModule = {
  name: 'stages',
  registerRoutes: registerStageRoutes,
};
