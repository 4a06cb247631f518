/** Validation of LoginRequest. */
import { z } from 'zod';
import { NO_CONTROL_CHARACTERS } from '@hospital/service-kit';
import { MAX_PASSWORD_LENGTH } from '../domain/password-policy.ts';

/**
 * Email and password as typed. The email is not format-checked here: anything that is not a
 * stored email simply fails to sign in, with the same message as a wrong password.
 */
export const loginSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter your email.')
    .max(254, 'Email is too long.')
    // No stored email holds one, and PostgreSQL refuses NUL in text outright (a 500, not a "no").
    .regex(NO_CONTROL_CHARACTERS, 'Email must not contain control characters.'),
  // Bounded so nobody can make the server hash megabytes.
  password: z.string().min(1, 'Enter your password.').max(1024, 'Password is too long.'),
  // The replacement of a temporary password; '' (proto's default) when none is given.
  newPassword: z.string().max(MAX_PASSWORD_LENGTH, 'Password is too long.').default(''),
});
