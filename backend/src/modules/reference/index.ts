import type { FeatureModule } from '../../platform/http/feature-module';
import { registerReferenceRoutes } from './reference.routes';

/** Institutions, campuses, care units, programmes and students (`/api/institutions` and so on). */
export const referenceModule: FeatureModule = {
  name: 'reference',
  registerRoutes: registerReferenceRoutes,
};
