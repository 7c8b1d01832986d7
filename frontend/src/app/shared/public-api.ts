// Shared presentational components, pipes and form helpers. Features import from this file.
export { PhaseChip } from './components/phase-chip';
export { StageList } from './components/stage-list';
export { StatePanel, type StatePanelKind } from './components/state-panel';
export { TaskForm } from './task-form/task-form';
export {
  applyServerProblems,
  buildTaskForm,
  readTaskValues,
  SERVER_FIELD_PREFIX,
  type TaskFormGroup,
} from './task-form/task-form-model';
