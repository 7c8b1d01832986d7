import type { Routes } from '@angular/router';
import { TaskInboxPage } from './task-inbox.page';

/** Routes of the task inbox. */
export const taskRoutes: Routes = [{ path: '', component: TaskInboxPage }];
