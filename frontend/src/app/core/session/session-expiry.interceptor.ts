import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { SessionStore } from './session-store';

/**
 * Ends the local session when the server answers 401 to a signed-in user, which means the
 * session expired or was revoked; the store then opens the sign-in page with a notice.
 * A 401 from the login request itself means wrong credentials and is left to the form.
 */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(SessionStore);
  return next(request).pipe(
    catchError((error: unknown) => {
      const isExpired =
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        !request.url.startsWith('/api/auth/');
      if (isExpired) session.expire();
      return throwError(() => error);
    }),
  );
};
