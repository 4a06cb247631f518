/**
 * Field rules shared by the ward requests. Free text is trimmed and refused when it carries
 * control characters (they break printed bed boards and exports); summaries may span lines.
 */
import { z } from 'zod';
import { NO_CONTROL_CHARACTERS, requiredTextSchema } from '@hospital/service-kit';

/** A ward code: letters, digits and dashes, stored upper case (the database checks the same). */
export const wardCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,19}$/, 'Code must be 1–20 letters, digits or dashes, starting with a letter or digit.');

/** A bed label: short, as printed above the bed (B-12, 4A, Bay 2/3). */
export const bedLabelSchema = requiredTextSchema('Label', 20).regex(/^[\p{L}\p{N}][\p{L}\p{N} .\-/]*$/u, 'Label may hold letters, digits, spaces and . - / only.');

/** An optional specialty: empty means none and is stored as null. */
export const specialtySchema = z
  .string()
  .trim()
  .max(100, 'Specialty must be at most 100 characters.')
  .regex(NO_CONTROL_CHARACTERS, 'Specialty must not contain control characters.')
  .transform((value) => (value === '' ? null : value));
