/** Field schemas shared by several identity requests. */
import { z } from 'zod';
import { protoEnumSchema } from '@hospital/service-kit';
import { ROLE_ENUM } from '../domain/roles.ts';

/** A proto role that must name one of the five roles (ROLE_UNSPECIFIED is refused). */
export const roleSchema = protoEnumSchema(ROLE_ENUM, { unspecified: 'refuse', message: 'Choose a role.' });

/** An optional proto role filter: ROLE_UNSPECIFIED (or nothing) means "any role". */
export const roleFilterSchema = protoEnumSchema(ROLE_ENUM, { unspecified: 'any', message: 'Unknown role.' });

/** A lower-cased, trimmed email address. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address.' }).max(254, 'Email is too long.'));
