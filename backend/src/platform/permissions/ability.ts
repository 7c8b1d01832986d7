import {
  AbilityBuilder,
  createMongoAbility,
  subject as setSubjectType,
  type ForcedSubject,
  type MongoAbility,
  type RawRuleOf,
} from '@casl/ability';
import type { AuthenticatedUser } from '../http/app-context';
import { addRoleRules, addSharedRules, addVetoes } from './role-rules';

/** An action on a subject. `manage` is CASL's wildcard for every action. */
export type Action =
  'read' | 'create' | 'update' | 'claim' | 'complete' | 'deploy' | 'retry' | 'manage';

/** The kinds of rows that rules talk about. `all` is CASL's wildcard for every subject. */
export type SubjectName =
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

/** The subject names that stand for rows, that is every name but `all`. */
export type RowSubjectName = Exclude<SubjectName, 'all'>;

/** A row tagged with its subject name by {@link subject}; fields are camelCase. */
export type SubjectRow<Name extends RowSubjectName> = ForcedSubject<Name> & Record<string, unknown>;

/** Either a subject name (a check on the type) or a tagged row (a check on that row). */
export type AppSubject =
  SubjectName | { [Name in RowSubjectName]: SubjectRow<Name> }[RowSubjectName];

/** The CASL ability of one user, with conditions in CASL's MongoDB query syntax. */
export type AppAbility = MongoAbility<[Action, AppSubject]>;

/** One rule as the UI receives it from `GET /api/me`; `createMongoAbility(rules)` rebuilds it. */
export type AppRawRule = RawRuleOf<AppAbility>;

/**
 * Builds the ability of `user`: the union of what each of their roles allows, plus what every
 * signed-in user may do, minus the vetoes (which carry a `reason`). A platform admin may do
 * everything, vetoes included.
 *
 * A rule that scopes rows by one of the user's ids (institution, care unit, student) is left
 * out when that id is null, so a misconfigured account gets no rows rather than every row whose
 * column is null.
 */
export function defineAbilityFor(user: AuthenticatedUser): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);

  addSharedRules(builder, user);
  for (const role of new Set(user.roles)) addRoleRules(builder, role, user);
  addVetoes(builder, user);

  // Rules added last take precedence, so this overrides every veto above.
  if (user.roles.includes('platform_admin')) builder.can('manage', 'all');
  return builder.build();
}

/**
 * Tags a copy of `row` (camelCase fields) with its subject name, for checks such as
 * `ability.can('update', subject('Stage', stage))`. The row itself is not modified.
 */
export function subject<Name extends RowSubjectName, Row extends object>(
  name: Name,
  row: Row,
): Row & SubjectRow<Name> {
  return setSubjectType(name, { ...row } as Row & Record<string, unknown>);
}
