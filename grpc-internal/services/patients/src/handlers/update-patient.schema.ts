/** Validation of UpdatePatientRequest. */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';
import { addressSchema, allergiesSchema, dateOfBirthSchema, emailSchema, nameSchema, phoneSchema, sexSchema } from './patient-fields.schema.ts';

/**
 * Changes to a patient: fields left unset (proto3 `optional`) stay as they are; an empty phone,
 * email or address clears it; allergies change only with setAllergies.
 * @param now - the clock, for "not in the future"
 */
export const updatePatientSchema = (now: () => Date) =>
  z
    .object({
      id: uuidSchema,
      givenName: nameSchema('Given name').optional(),
      familyName: nameSchema('Family name').optional(),
      dateOfBirth: dateOfBirthSchema(now).optional(),
      sex: sexSchema.optional(),
      phone: phoneSchema.optional(),
      email: emailSchema.optional(),
      address: addressSchema.optional(),
      allergies: allergiesSchema.default([]),
      setAllergies: z.boolean().default(false),
    })
    .superRefine((request, ctx) => {
      // A list without the flag is most likely a client bug that would silently do nothing.
      if (!request.setAllergies && request.allergies.length > 0) {
        ctx.addIssue({ code: 'custom', path: ['allergies'], message: 'Set setAllergies to replace the allergy list.' });
      }
    });
