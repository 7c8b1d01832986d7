import type { FeatureModule } from '../platform/http/feature-module';
import { authModule } from './auth';

/** Every feature module of the API, in the order their routes are registered. */
export const featureModules: FeatureModule[] = [authModule];
