import type { Routes } from '@angular/router';
import { provideMaterialDefaults } from '../../core/layout/form-defaults';
import { SignInPage } from './sign-in.page';

/** Routes of the sign-in page, outside the shell. */
export const authRoutes: Routes = [
  { path: '', component: SignInPage, providers: [provideMaterialDefaults()] },
];
