import type { Routes } from '@angular/router';
import { HomePage } from './home.page';

/** Routes of the home page. */
export const homeRoutes: Routes = [{ path: '', component: HomePage }];
