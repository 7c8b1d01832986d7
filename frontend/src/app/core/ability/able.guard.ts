import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { SessionStore } from '../session/session-store';
import { AbilityStore } from './ability-store';
import type { AppAction, AppSubjectType } from './app-ability';

/** Route data read by {@link ableGuard}: the action and subject type the page needs. */
export interface AbleRequirement {
  action: AppAction;
  subject: AppSubjectType;
}

/**
 * Lets a route open only for a signed-in user, and, when the route's `data.able` names an
 * {@link AbleRequirement}, only if the user's ability allows it. Without a session it redirects
 * to the sign-in page with the requested URL; without the permission it redirects home.
 */
export const ableGuard: CanActivateFn = async (route, state) => {
  const session = inject(SessionStore);
  const abilities = inject(AbilityStore);
  const router = inject(Router);

  const user = await session.ensureLoaded();
  if (!user) return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });

  const required = route.data['able'] as AbleRequirement | undefined;
  if (!required || abilities.can(required.action, required.subject)) return true;
  return router.createUrlTree(['/home'], { queryParams: { denied: state.url } });
};
