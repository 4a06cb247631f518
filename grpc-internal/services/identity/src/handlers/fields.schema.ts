/** Field schemas shared by several identity requests. */
import { z } from 'zod';
import { roleFromProto } from '../domain/roles.ts';

/** A proto role that must name one of the five roles (ROLE_UNSPECIFIED is refused). */
export const roleSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const role = roleFromProto(value);
  if (!role) {
    ctx.addIssue({ code: 'custom', message: 'Choose a role.' });
    return z.NEVER;
  }
  return role;
});

/** An optional proto role filter: ROLE_UNSPECIFIED (or nothing) means "any role". */
export const roleFilterSchema = z
  .union([z.string(), z.number()])
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === 'ROLE_UNSPECIFIED' || value === 0) return undefined;
    const role = roleFromProto(value);
    if (!role) {
      ctx.addIssue({ code: 'custom', message: 'Unknown role.' });
      return z.NEVER;
    }
    return role;
  });

/** A lower-cased, trimmed email address. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address.' }).max(254, 'Email is too long.'));
