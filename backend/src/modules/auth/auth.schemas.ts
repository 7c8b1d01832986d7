import { z } from 'zod';

/** UI languages a user can choose. */
export const LOCALES = ['fr', 'nl', 'en'] as const;

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/**
 * Body of `POST /api/auth/login`. The password length is capped because Argon2 hashes the
 * whole input, so an unbounded body would let one request take unbounded CPU time.
 */
export const loginRequestSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/** A parsed {@link loginRequestSchema}. */
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** Body of `PUT /api/me/locale`. */
export const localeRequestSchema = z.object({
  locale: z.enum(LOCALES),
});
