import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RawRuleOf } from '@casl/ability';
import { Observable } from 'rxjs';
import type { AppAbility } from '../ability/app-ability';
import type { SessionUser } from './api-models';

/** Body of `GET /api/me`: the user and the CASL rules the server grants them. */
export interface MeResponse {
  user: SessionUser;
  rules: RawRuleOf<AppAbility>[];
}

/** Calls the authentication and current-user endpoints. */
@Injectable({ providedIn: 'root' })
export class SessionApi {
  private readonly http = inject(HttpClient);

  /** Signs in; the server sets the session cookie. Fails with 401 or 423 (locked). */
  login(email: string, password: string): Observable<SessionUser> {
    return this.http.post<SessionUser>('/api/auth/login', { email, password });
  }

  /** Ends the session on the server. */
  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', null);
  }

  /** Loads the signed-in user and their rules; fails with 401 without a session. */
  me(): Observable<MeResponse> {
    return this.http.get<MeResponse>('/api/me');
  }

  /** Stores the user's preferred language. */
  saveLocale(locale: string): Observable<unknown> {
    return this.http.put('/api/me/locale', { locale });
  }
}
