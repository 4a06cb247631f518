/** Validation of CreateUserRequest. */
import { z } from 'zod';
import { emailSchema, roleSchema } from './fields.schema.ts';

/** Shortest password accepted (NIST SP 800-63B favours length over composition rules). */
export const MIN_PASSWORD_LENGTH = 12;

/** A new user. */
export const createUserSchema = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(1024, 'Password is too long.'),
  displayName: z
    .string()
    .trim()
    .min(1, 'Enter a display name.')
    .max(200, 'Display name must be at most 200 characters.')
    .regex(/^[^\p{Cc}]*$/u, 'Display name must not contain control characters.'),
  role: roleSchema,
});
