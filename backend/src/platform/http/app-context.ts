import type { ParameterizedContext } from 'koa';
import type Router from '@koa/router';
import type { AppAbility } from '../permissions/ability';
import type { Role } from '../permissions/roles';

/** The signed-in user as the request handlers see it. */
export interface AuthenticatedUser {
  id: number;
  email: string;
  name: string;
  roles: Role[];
  /** Hospital or school of the user; null for platform admins. */
  institutionId: number | null;
  /** Care unit of a supervisor. */
  careUnitId: number | null;
  /** Student record of a student. */
  studentId: number | null;
  locale: string | null;
}

/** Per-request state set by the middleware: request id, then the session's user. */
export interface AppState {
  requestId: string;
  user?: AuthenticatedUser;
  /** What `user` may do; set together with `user`. */
  ability?: AppAbility;
}

/** The Koa context of a Stageflow request. */
export type AppContext = ParameterizedContext<AppState>;

/** The router type every feature module registers its routes on. */
export type AppRouter = Router<AppState>;
