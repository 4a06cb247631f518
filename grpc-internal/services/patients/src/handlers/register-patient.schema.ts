/** Validation of RegisterPatientRequest. */
import { z } from 'zod';
import { addressSchema, allergiesSchema, dateOfBirthSchema, emailSchema, nameSchema, phoneSchema, sexSchema } from './patient-fields.schema.ts';

/**
 * A new patient: names and date of birth required, the rest optional.
 * @param now - the clock, for "not in the future"
 */
export const registerPatientSchema = (now: () => Date) =>
  z.object({
    givenName: nameSchema('Given name'),
    familyName: nameSchema('Family name'),
    dateOfBirth: dateOfBirthSchema(now),
    sex: sexSchema,
    phone: phoneSchema,
    email: emailSchema,
    address: addressSchema,
    allergies: allergiesSchema,
  });
