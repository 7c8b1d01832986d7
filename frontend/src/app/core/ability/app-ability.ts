import {
  createMongoAbility,
  type ForcedSubject,
  type MongoAbility,
  type RawRuleOf,
} from '@casl/ability';

/** Actions the server grants in its CASL rules. `manage` stands for every action. */
export type AppAction =
  'read' | 'create' | 'update' | 'claim' | 'complete' | 'deploy' | 'retry' | 'manage';

/** Subject types the server grants in its CASL rules. `all` stands for every subject. */
export type AppSubjectType =
  | 'Stage'
  | 'Task'
  | 'Student'
  | 'Institution'
  | 'Campus'
  | 'CareUnit'
  | 'Programme'
  | 'User'
  | 'ProcessDefinition'
  | 'Incident'
  | 'all';

/** A subject type, or an object tagged with its type through CASL's `subject()` helper. */
export type AppSubject = AppSubjectType | ForcedSubject<Exclude<AppSubjectType, 'all'>>;

/** The ability of the signed-in user, built from the rules of `GET /api/me`. */
export type AppAbility = MongoAbility<[AppAction, AppSubject]>;

/** Builds an ability from server rules; no rules means nothing is allowed. */
export function createAppAbility(rules: RawRuleOf<AppAbility>[] = []): AppAbility {
  return createMongoAbility<AppAbility>(rules);
}
