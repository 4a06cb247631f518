/** Validation of CreateDrugRequest. */
import { z } from 'zod';
import { protoEnumSchema, requiredTextSchema } from '@hospital/service-kit';
import { DRUG_FORM_ENUM } from '../domain/drug-form.ts';

/** A drug code: letters, digits, dot and hyphen, 2–20 characters, stored upper case. */
export const drugCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9.-]{1,19}$/, 'Code must be 2–20 letters, digits, dots or hyphens, starting with a letter or digit.');

/** A drug form as a proto enum; unspecified is refused. */
export const drugFormSchema = protoEnumSchema(DRUG_FORM_ENUM, { unspecified: 'refuse', message: 'Choose a drug form.' });

/** A new catalogue entry. */
export const createDrugSchema = z.object({
  code: drugCodeSchema,
  name: requiredTextSchema('Name', 120),
  form: drugFormSchema,
  strength: requiredTextSchema('Strength', 60),
});
