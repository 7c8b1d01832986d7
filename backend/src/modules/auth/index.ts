import type { FeatureModule } from '../../platform/http/feature-module';
import { registerAuthRoutes } from './auth.routes';

/** Sign-in, sign-out and the signed-in user's own data (`/api/auth/*`, `/api/me*`). */
export const authModule: FeatureModule = {
  name: 'auth',
  registerRoutes: registerAuthRoutes,
};
