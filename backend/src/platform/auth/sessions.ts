import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { ParameterizedContext } from 'koa';
import type { AuthenticatedUser } from '../http/app-context';
import {
  AUTHENTICATED_USER_COLUMNS,
  toAuthenticatedUser,
  type AuthenticatedUserRow,
} from './user-record';

/** Name of the cookie that carries the session token. */
export const SESSION_COOKIE = 'sf_session';

/** Maximum lifetime of a session, however active, in milliseconds (12 hours). */
export const SESSION_MAX_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** Idle timeout used when the caller passes none, in minutes; matches the config default. */
export const DEFAULT_SESSION_IDLE_MINUTES = 60;

// The expiry is written back only when it moves by at least this much, so an active user
// causes at most one UPDATE a minute.
const SLIDING_STEP_MS = 60 * 1000;

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** How long sessions live. */
export interface SessionSettings {
  /** Minutes without a request after which a session expires. */
  idleMinutes: number;
}

/** A valid session and the user it belongs to. */
export interface ActiveSession {
  user: AuthenticatedUser;
  createdAt: Date;
  expiresAt: Date;
}

/** Returns the SHA-256 hex digest of `token`, the only form of it the database stores. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Creates a session for `userId` and returns its token, which must only ever reach the cookie.
 * Also deletes the user's expired sessions.
 */
export async function createSession(
  knex: Knex,
  userId: number,
  settings: SessionSettings,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const expiresAt = slidingExpiry(now, now, settings);

  await knex('sessions').where('user_id', userId).where('expires_at', '<=', now).delete();
  await knex('sessions').insert({
    token_hash: hashSessionToken(token),
    user_id: userId,
    created_at: now,
    expires_at: expiresAt,
  });
  return { token, expiresAt };
}

/**
 * Loads the session of `token` with its user, or returns null when there is none or it has
 * expired (idle or past the 12-hour maximum), deleting an expired row on the way. Extends the
 * idle expiry when it moves by at least a minute.
 */
export async function findActiveSession(
  knex: Knex,
  token: string,
  settings: SessionSettings,
  now = new Date(),
): Promise<ActiveSession | null> {
  if (!TOKEN_PATTERN.test(token)) return null;

  const tokenHash = hashSessionToken(token);
  const row = await selectSession(knex, tokenHash);
  if (!row) return null;

  const createdAt = new Date(row.created_at);
  const storedExpiry = new Date(row.expires_at);
  if (storedExpiry <= now || maxExpiry(createdAt) <= now) {
    await knex('sessions').where('token_hash', tokenHash).delete();
    return null;
  }

  const expiresAt = slidingExpiry(createdAt, now, settings);
  if (expiresAt.getTime() - storedExpiry.getTime() >= SLIDING_STEP_MS) {
    await knex('sessions').where('token_hash', tokenHash).update({ expires_at: expiresAt });
    return { user: toAuthenticatedUser(row), createdAt, expiresAt };
  }
  return { user: toAuthenticatedUser(row), createdAt, expiresAt: storedExpiry };
}

/** Deletes the session of `token`, if any. */
export async function deleteSession(knex: Knex, token: string): Promise<void> {
  await knex('sessions').where('token_hash', hashSessionToken(token)).delete();
}

/** Returns the session token from the request's cookie, if one was sent. */
export function readSessionCookie(ctx: ParameterizedContext): string | undefined {
  return ctx.cookies.get(SESSION_COOKIE) || undefined;
}

/**
 * Sets the session cookie: httpOnly, SameSite=Strict, Path=/, and Secure when the request came
 * over HTTPS. It has no Max-Age, so the browser drops it when it closes.
 */
export function writeSessionCookie(ctx: ParameterizedContext, token: string): void {
  ctx.cookies.set(SESSION_COOKIE, token, cookieAttributes(ctx));
}

/** Tells the browser to delete the session cookie. */
export function clearSessionCookie(ctx: ParameterizedContext): void {
  ctx.cookies.set(SESSION_COOKIE, null, cookieAttributes(ctx));
}

// helpers

interface SessionRow extends AuthenticatedUserRow {
  created_at: Date | string;
  expires_at: Date | string;
}

function selectSession(knex: Knex, tokenHash: string): Promise<SessionRow | undefined> {
  return knex('sessions')
    .join('users', 'users.id', 'sessions.user_id')
    .where('sessions.token_hash', tokenHash)
    .first<SessionRow | undefined>(
      'sessions.created_at',
      'sessions.expires_at',
      ...AUTHENTICATED_USER_COLUMNS,
    );
}

function slidingExpiry(createdAt: Date, now: Date, settings: SessionSettings): Date {
  const idleExpiry = now.getTime() + settings.idleMinutes * 60 * 1000;
  return new Date(Math.min(idleExpiry, maxExpiry(createdAt).getTime()));
}

function maxExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + SESSION_MAX_LIFETIME_MS);
}

function cookieAttributes(ctx: ParameterizedContext) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/',
    secure: ctx.secure,
    overwrite: true,
  };
}
