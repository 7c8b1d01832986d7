import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { createLogger } from '../logging/logger';

const log = createLogger('server:auth');

/** Argon2id cost parameters; memory is in KiB. */
export interface PasswordHashCost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/**
 * The production cost: the first Argon2id configuration of the OWASP Password Storage Cheat
 * Sheet (19 MiB, 2 passes, 1 lane). It bounds the memory a burst of sign-ins can take.
 */
export const DEFAULT_PASSWORD_COST: PasswordHashCost = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/**
 * Hashes `password` with Argon2id and a random salt, returning the PHC string to store. Pass a
 * lower `cost` only in tests; verification reads the cost from the stored string.
 */
export function hashPassword(
  password: string,
  cost: PasswordHashCost = DEFAULT_PASSWORD_COST,
): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...cost });
}

/**
 * Checks `password` against a stored Argon2 `hash`. Returns false, and logs the problem, when
 * the stored string is not a valid Argon2 hash.
 */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch (error) {
    // argon2.verify throws for a malformed stored hash; the account cannot sign in until reset.
    log.error({ err: error }, 'stored password hash is not a valid Argon2 hash');
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies `password` against a throw-away hash of production cost and returns false, so that
 * a sign-in with an unknown e-mail address takes as long as one with a wrong password.
 */
export async function verifyAgainstDummyHash(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  await argon2.verify(await dummyHash, password);
  return false;
}
