import type { Routes } from '@angular/router';
import { ableGuard } from '../../core/ability/able.guard';
import { StageRequestPage } from './stage-request.page';
import { StagePage } from './stage.page';

/** Routes of the stage request form and the stage page. */
export const stageRoutes: Routes = [
  {
    path: 'new',
    component: StageRequestPage,
    canActivate: [ableGuard],
    data: { able: { action: 'create', subject: 'Stage' } },
  },
  {
    path: ':id',
    component: StagePage,
    canActivate: [ableGuard],
    data: { able: { action: 'read', subject: 'Stage' } },
  },
];
