export { digestDemoData, generateDemoData, DEFAULT_DEMO_SEED } from './dataset';
export type { DemoDataOptions, DemoDataset } from './dataset';
export { insertReferenceData, advanceSequence } from './insert-reference-data';
export { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, demoEmail } from './logins';
export type { DemoLoginSet } from './logins';
export { BASE_STAGE_COUNT } from './random-stages';
export { BASE_STUDENT_COUNT } from './students';
export { STAGE_PHASES } from './types';
export type { StagePhase, StagePlan, StageTarget, StudentRow } from './types';
