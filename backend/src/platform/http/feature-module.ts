import type { AppRouter } from './app-context';
import type { AppServices } from '../../services';

/**
 * The declaration of a feature module, in the manner of a bpmn-js module's index: its name and
 * the routes it adds. Importing a module has no side effects; `app.ts` lists the modules.
 */
export interface FeatureModule {
  name: string;
  /** Adds the module's routes under /api to `router`. */
  registerRoutes(router: AppRouter, services: AppServices): void;
}
