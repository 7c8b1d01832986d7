import type { FeatureModule } from '../../platform/http/feature-module';
import { registerTaskRoutes } from './tasks.routes';

/** The task inbox: list, count, claim, release and complete user tasks (`/api/tasks`). */
export const tasksModule: FeatureModule = {
  name: 'tasks',
  registerRoutes: registerTaskRoutes,
};
