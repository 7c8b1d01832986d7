import type { FeatureModule } from '../../platform/http/feature-module';
import { registerIncidentRoutes } from './incidents.routes';

/** Incidents of process instances and their retry (`/api/incidents`). */
export const incidentsModule: FeatureModule = {
  name: 'incidents',
  registerRoutes: registerIncidentRoutes,
};
