import { Component, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Problem, toProblem } from '../../core/api/problem';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { LanguageMenu } from '../../core/layout/language-menu';
import { SessionStore } from '../../core/session/session-store';
import { safeReturnUrl } from './return-url';

/** What went wrong on the last attempt, as the page explains it. */
type SignInFailure =
  | { kind: 'invalid' }
  | { kind: 'locked'; until: string | null }
  | { kind: 'unreachable' }
  | { kind: 'other'; problem: Problem };

/** Sign-in page: email and password, with notices after expiry or sign-out. */
@Component({
  selector: 'app-sign-in-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    LocalDatePipe,
    LanguageMenu,
  ],
  host: { class: 'app-sign-in-page' },
  templateUrl: './sign-in.page.html',
  styleUrl: './sign-in.page.scss',
})
export class SignInPage {
  /** Query parameter: why the page opened (`expired` or `signed-out`). */
  readonly reason = input<string | undefined>();
  /** Query parameter: the page to open after signing in. */
  readonly returnUrl = input<string | undefined>();

  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly isBusy = signal(false);
  protected readonly failure = signal<SignInFailure | null>(null);
  protected readonly notice = computed(() => {
    const reason = this.reason();
    return reason === 'expired' || reason === 'signed-out' ? `signIn.notice.${reason}` : null;
  });

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.isBusy()) return;

    this.isBusy.set(true);
    this.failure.set(null);
    const { email, password } = this.form.getRawValue();
    this.session.signIn(email.trim(), password).subscribe({
      next: () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
      error: (error: unknown) => {
        this.isBusy.set(false);
        this.failure.set(describeFailure(toProblem(error)));
        this.form.controls.password.reset();
      },
    });
  }
}

function describeFailure(problem: Problem): SignInFailure {
  if (problem.status === 401) return { kind: 'invalid' };
  if (problem.status === 423) {
    const until = problem.extensions['lockedUntil'];
    return { kind: 'locked', until: typeof until === 'string' ? until : null };
  }
  if (problem.status === 0) return { kind: 'unreachable' };
  return { kind: 'other', problem };
}
