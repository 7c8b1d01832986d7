import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, firstValueFrom, map, type Observable, of, switchMap, tap } from 'rxjs';
import { AbilityStore } from '../ability/ability-store';
import type { Role, SessionUser } from '../api/api-models';
import { type MeResponse, SessionApi } from '../api/session-api';
import { LanguageStore } from '../i18n/language-store';
import { isLanguage, type Language } from '../i18n/languages';
import { createLogger } from '../logging/logger';

/** Reason the sign-in page opened, shown there as a notice. */
export type SignInReason = 'expired' | 'signed-out';

const log = createLogger('session');

/**
 * Holds the signed-in user and keeps the ability and the language in step with them. It loads
 * `GET /api/me` once per page load, on the first guarded navigation.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(SessionApi);
  private readonly abilities = inject(AbilityStore);
  private readonly language = inject(LanguageStore);
  private readonly router = inject(Router);
  private readonly current = signal<SessionUser | null>(null);
  private loading: Promise<SessionUser | null> | null = null;

  /** The signed-in user, or null. */
  readonly user = this.current.asReadonly();

  /** Whether someone is signed in. */
  readonly isSignedIn = computed(() => this.current() !== null);

  /** Resolves the session once: the user, or null when there is none. */
  ensureLoaded(): Promise<SessionUser | null> {
    this.loading ??= firstValueFrom(
      this.loadMe().pipe(
        catchError((error: unknown) => {
          log.debug('no session', error);
          return of(null);
        }),
      ),
    );
    return this.loading;
  }

  /** Signs in, then loads the user's rules; errors (401, 423) reach the caller. */
  signIn(email: string, password: string): Observable<SessionUser> {
    return this.api.login(email, password).pipe(
      switchMap(() => this.loadMe()),
      tap((user) => (this.loading = Promise.resolve(user))),
    );
  }

  /** Ends the session and opens the sign-in page. */
  signOut(): Observable<void> {
    return this.api.logout().pipe(
      catchError((error: unknown) => {
        // The local session ends even if the server did not respond.
        log.warn('sign-out request failed; clearing the local session anyway', error);
        return of(undefined);
      }),
      tap(() => this.endSession('signed-out')),
    );
  }

  /** Ends the local session after the server rejected it (401), keeping the current URL. */
  expire(): void {
    if (!this.current()) return;
    this.endSession('expired', this.router.url);
  }

  /** Checks whether the user has `role`. */
  hasRole(role: Role): boolean {
    return this.current()?.roles.includes(role) ?? false;
  }

  /** Switches the interface language and saves it for the signed-in user. */
  changeLanguage(language: Language): void {
    this.language.use(language);
    const user = this.current();
    if (!user || user.locale === language) return;

    this.current.set({ ...user, locale: language });
    this.api.saveLocale(language).subscribe({
      error: (error: unknown) =>
        log.warn('saving the language failed; it lasts on this browser', error),
    });
  }

  private loadMe(): Observable<SessionUser> {
    return this.api.me().pipe(
      tap((me) => this.startSession(me)),
      map((me) => me.user),
    );
  }

  private startSession(me: MeResponse): void {
    this.abilities.update(me.rules);
    this.current.set(me.user);
    if (isLanguage(me.user.locale)) this.language.use(me.user.locale);
  }

  private endSession(reason: SignInReason, returnUrl?: string): void {
    this.current.set(null);
    this.abilities.clear();
    this.loading = Promise.resolve(null);
    const queryParams = returnUrl && returnUrl !== '/' ? { reason, returnUrl } : { reason };
    void this.router.navigate(['/sign-in'], { queryParams });
  }
}
