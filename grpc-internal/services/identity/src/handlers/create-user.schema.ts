/** Validation of CreateUserRequest. */
import { z } from 'zod';
import { NO_CONTROL_CHARACTERS } from '@hospital/service-kit';
import { MAX_PASSWORD_LENGTH, passwordProblem } from '../domain/password-policy.ts';
import { emailSchema, roleSchema } from './fields.schema.ts';

/** A new user; the password must pass the password policy for this user's email and name. */
export const createUserSchema = z
  .object({
    email: emailSchema,
    password: z.string().max(MAX_PASSWORD_LENGTH, 'Password is too long.'),
    displayName: z
      .string()
      .trim()
      .min(1, 'Enter a display name.')
      .max(200, 'Display name must be at most 200 characters.')
      .regex(NO_CONTROL_CHARACTERS, 'Display name must not contain control characters.'),
    role: roleSchema,
  })
  .superRefine((input, ctx) => {
    const problem = passwordProblem(input.password, input);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });
