import type { Routes } from '@angular/router';
import { ableGuard } from './core/ability/able.guard';

/** Top-level routes: the sign-in page, and the signed-in pages inside the shell. */
export const routes: Routes = [
  {
    path: 'sign-in',
    loadChildren: () => import('./features/auth/auth.routes').then((m) => m.authRoutes),
  },
  {
    path: '',
    // The shell is lazy too, so the initial bundle stays small for the sign-in page.
    loadComponent: () => import('./core/layout/shell').then((m) => m.Shell),
    canActivate: [ableGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'home' },
      {
        path: 'home',
        loadChildren: () => import('./features/home/home.routes').then((m) => m.homeRoutes),
      },
      {
        path: 'tasks',
        canActivate: [ableGuard],
        data: { able: { action: 'read', subject: 'Task' } },
        loadChildren: () => import('./features/tasks/tasks.routes').then((m) => m.taskRoutes),
      },
      {
        path: 'stages',
        loadChildren: () => import('./features/stages/stages.routes').then((m) => m.stageRoutes),
      },
      { path: '**', redirectTo: 'home' },
    ],
  },
];
