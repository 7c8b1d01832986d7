import { AppError } from '../../platform/errors/app-errors';

/** A sign-in with an unknown e-mail address or a wrong password; both read the same. */
export class InvalidCredentialsError extends AppError {
  constructor() {
    super('The e-mail address or password is incorrect.', 401, 'invalid_credentials');
  }
}

/** A sign-in to an account locked after too many failed attempts. */
export class AccountLockedError extends AppError {
  constructor(readonly lockedUntil: Date) {
    super(
      `Too many failed sign-ins: this account is locked until ${lockedUntil.toISOString()}. ` +
        'Try again after that time or ask your institution admin.',
      423,
      'account_locked',
      true,
      // The problem-details middleware has no title for 423; details override the default.
      { lockedUntil: lockedUntil.toISOString(), title: 'Locked' },
    );
  }
}
