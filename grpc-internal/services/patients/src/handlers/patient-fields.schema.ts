/**
 * Field rules shared by RegisterPatient and UpdatePatient. Free text is trimmed and refused when
 * it carries control characters (they break printed wristbands and CSV exports).
 */
import { z } from 'zod';
import { NO_CONTROL_CHARACTERS, NO_CONTROL_CHARACTERS_MULTILINE, protoEnumSchema, requiredTextSchema } from '@hospital/service-kit';
import { dedupeAllergies } from '../domain/allergies.ts';
import { birthDateProblem } from '../domain/calendar-date.ts';
import { SEX_ENUM } from '../domain/sex.ts';

/** Most allergies one record holds. */
export const MAX_ALLERGIES = 50;

/**
 * A required name (given or family).
 * @param label - how the message names the field
 */
export const nameSchema = (label: string) => requiredTextSchema(label, 100);

/**
 * A date of birth: a real YYYY-MM-DD, not in the future, not before 1900.
 * @param now - the clock
 */
export const dateOfBirthSchema = (now: () => Date) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = birthDateProblem(value, now());
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** Optional free text: empty (after trimming) means "not known" and is stored as null. */
const optionalText = (inner: z.ZodType<string, string>) =>
  z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .pipe(z.union([z.null(), inner]));

/** A phone number: digits with the usual separators, optionally international (+). */
export const phoneSchema = optionalText(
  z
    .string()
    .max(30, 'Phone number must be at most 30 characters.')
    .regex(/^\+?[\d\s().\-/]+$/, 'Phone number may hold digits, spaces, + ( ) - . / only.')
    .refine((phone) => (phone.match(/\d/g)?.length ?? 0) >= 3, 'Phone number needs at least 3 digits.'),
);

/** An email address (basic shape only: deliverability is not ours to judge). */
export const emailSchema = optionalText(z.email({ error: 'Enter a valid email address.' }).max(254, 'Email is too long.'));

/** A postal address. */
export const addressSchema = optionalText(
  z.string().max(500, 'Address must be at most 500 characters.').regex(NO_CONTROL_CHARACTERS_MULTILINE, 'Address must not contain control characters.'),
);

/** Allergies: at most 50, each 1–100 characters, repeats (any case) dropped. */
export const allergiesSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1, 'An allergy cannot be empty.')
      .max(100, 'Each allergy must be at most 100 characters.')
      .regex(NO_CONTROL_CHARACTERS, 'Allergies must not contain control characters.'),
  )
  .max(MAX_ALLERGIES, `At most ${MAX_ALLERGIES} allergies.`)
  .transform(dedupeAllergies);

/** Sex as a proto enum; unspecified is stored as unknown. */
export const sexSchema = protoEnumSchema(SEX_ENUM, { unspecified: { read: 'unknown' }, message: 'Unknown sex value.' });
