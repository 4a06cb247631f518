/** Validation of FindPossibleDuplicatesRequest: the registration's own field rules. */
import { z } from 'zod';
import { dateOfBirthSchema, nameSchema, phoneSchema } from './patient-fields.schema.ts';

/**
 * Names and date of birth required, phone optional.
 * @param now - the clock, for "not in the future"
 */
export const findPossibleDuplicatesSchema = (now: () => Date) =>
  z.object({
    givenName: nameSchema('Given name'),
    familyName: nameSchema('Family name'),
    dateOfBirth: dateOfBirthSchema(now),
    phone: phoneSchema,
  });
