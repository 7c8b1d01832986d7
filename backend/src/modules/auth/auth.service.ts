import { ForbiddenError } from '@casl/ability';
import type { Knex } from 'knex';
import { verifyAgainstDummyHash, verifyPassword } from '../../platform/auth/passwords';
import { createSession, deleteSession, type SessionSettings } from '../../platform/auth/sessions';
import {
  AUTHENTICATED_USER_COLUMNS,
  toAuthenticatedUser,
  type AuthenticatedUserRow,
} from '../../platform/auth/user-record';
import type { AuthenticatedUser } from '../../platform/http/app-context';
import { createLogger } from '../../platform/logging/logger';
import { subject, type AppAbility, type AppRawRule } from '../../platform/permissions/ability';
import { AccountLockedError, InvalidCredentialsError } from './auth.errors';
import type { Locale, LoginRequest } from './auth.schemas';

const log = createLogger('server:auth');

// TODO: rate-limit sign-ins per client address (rate-limiter-flexible on PostgreSQL). Until
// then anyone can lock any account for LOCKOUT_MINUTES with five wrong passwords, and only
// existing accounts lock, which reveals which addresses have accounts.
/** Consecutive failed sign-ins that lock an account. */
export const MAX_FAILED_SIGN_INS = 5;

/** How long a locked account stays locked, in minutes. */
export const LOCKOUT_MINUTES = 15;

/** Request details that go into the sign-in log lines. */
export interface SignInContext {
  requestId: string;
  ip: string;
}

/** The user of a new session and the token for its cookie. */
export interface SignInResult {
  user: AuthenticatedUser;
  token: string;
}

/** Body of `GET /api/me` and of a successful sign-in. */
export interface SessionDescription {
  user: AuthenticatedUser;
  /** The user's CASL rules; the UI rebuilds the ability with `createMongoAbility(rules)`. */
  rules: AppRawRule[];
}

/**
 * Checks the credentials and opens a session. Throws InvalidCredentialsError for an unknown
 * e-mail address or a wrong password (after the same Argon2 work), and AccountLockedError
 * while the account is locked or when this failure locks it.
 */
export async function signIn(
  knex: Knex,
  request: LoginRequest,
  settings: SessionSettings,
  context: SignInContext,
): Promise<SignInResult> {
  const account = await findAccount(knex, request.email);
  if (!account) {
    await verifyAgainstDummyHash(request.password);
    log.warn({ ...context, reason: 'unknown_email' }, 'sign-in failed');
    throw new InvalidCredentialsError();
  }

  const now = new Date();
  const lockedUntil = activeLock(account, now);
  if (lockedUntil) {
    log.warn({ ...context, userId: account.id, lockedUntil }, 'sign-in to a locked account');
    throw new AccountLockedError(lockedUntil);
  }

  if (!(await verifyPassword(request.password, account.password_hash))) {
    return recordFailure(knex, account.id, now, context);
  }
  await resetFailures(knex, account.id, now, context);

  const { token } = await createSession(knex, account.id, settings, now);
  log.info({ ...context, userId: account.id }, 'signed in');
  return { user: toAuthenticatedUser(account), token };
}

/** Ends the session of `token`, if it exists; `userId` is its user when the session was valid. */
export async function signOut(knex: Knex, token: string, userId?: number): Promise<void> {
  await deleteSession(knex, token);
  if (userId !== undefined) log.info({ userId }, 'signed out');
}

/** Returns what the UI needs to know about the signed-in user. */
export function describeSession(user: AuthenticatedUser, ability: AppAbility): SessionDescription {
  return { user: { ...user }, rules: ability.rules };
}

/** Stores the UI language of `user` and returns the updated user. */
export async function updateLocale(
  knex: Knex,
  user: AuthenticatedUser,
  ability: AppAbility,
  locale: Locale,
): Promise<AuthenticatedUser> {
  ForbiddenError.from(ability).throwUnlessCan('update', subject('User', { id: user.id }), 'locale');

  await knex('users').where('id', user.id).update({ locale, updated_at: knex.fn.now() });
  return { ...user, locale };
}

// helpers

interface AccountRow extends AuthenticatedUserRow {
  password_hash: string;
  failed_logins: number;
  locked_until: Date | string | null;
}

function findAccount(knex: Knex, email: string): Promise<AccountRow | undefined> {
  // Matches the unique index on lower(email), so addresses are case-insensitive.
  return knex('users')
    .whereRaw('lower(email) = lower(?)', [email])
    .first<AccountRow | undefined>(
      ...AUTHENTICATED_USER_COLUMNS,
      'users.password_hash',
      'users.failed_logins',
      'users.locked_until',
    );
}

function activeLock(account: { locked_until: Date | string | null }, now: Date): Date | null {
  if (account.locked_until === null) return null;

  const lockedUntil = new Date(account.locked_until);
  return lockedUntil > now ? lockedUntil : null;
}

interface LockState {
  failed_logins: number;
  locked_until: Date | string | null;
}

/**
 * Counts a failed sign-in in one UPDATE, so concurrent attempts cannot skip the lock: the
 * failure that reaches the limit locks the account and restarts the count.
 */
async function recordFailure(
  knex: Knex,
  userId: number,
  now: Date,
  context: SignInContext,
): Promise<never> {
  const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60 * 1000);
  const reachesLimit = `failed_logins + 1 >= ${MAX_FAILED_SIGN_INS}`;
  const rows = await unlockedAccount(knex, userId, now)
    .update({
      failed_logins: knex.raw(`CASE WHEN ${reachesLimit} THEN 0 ELSE failed_logins + 1 END`),
      locked_until: knex.raw(`CASE WHEN ${reachesLimit} THEN ?::timestamptz ELSE NULL END`, [
        lockUntil.toISOString(),
      ]),
    })
    .returning<LockState[]>(['failed_logins', 'locked_until']);

  const row = rows[0];
  if (!row) {
    // A concurrent attempt locked the account after this one read it.
    throw await lockedMeanwhile(knex, userId, context);
  }
  if (row.locked_until !== null) {
    log.warn(
      { ...context, userId, lockedUntil: lockUntil },
      'account locked after failed sign-ins',
    );
    throw new AccountLockedError(lockUntil);
  }
  log.warn({ ...context, userId, failedLogins: row.failed_logins }, 'sign-in failed');
  throw new InvalidCredentialsError();
}

async function resetFailures(
  knex: Knex,
  userId: number,
  now: Date,
  context: SignInContext,
): Promise<void> {
  const updated = await unlockedAccount(knex, userId, now).update({
    failed_logins: 0,
    locked_until: null,
  });
  // A concurrent failure locked the account while this password was being verified.
  if (updated === 0) throw await lockedMeanwhile(knex, userId, context);
}

async function lockedMeanwhile(
  knex: Knex,
  userId: number,
  context: SignInContext,
): Promise<AccountLockedError> {
  const account = await knex('users')
    .where('id', userId)
    .first<Pick<LockState, 'locked_until'> | undefined>('locked_until');
  const lockedUntil = new Date(account?.locked_until ?? Date.now());

  log.warn({ ...context, userId, lockedUntil }, 'sign-in to an account locked meanwhile');
  return new AccountLockedError(lockedUntil);
}

function unlockedAccount(knex: Knex, userId: number, now: Date): Knex.QueryBuilder {
  return knex('users')
    .where('id', userId)
    .where((inner) => {
      inner.whereNull('locked_until').orWhere('locked_until', '<=', now);
    });
}
