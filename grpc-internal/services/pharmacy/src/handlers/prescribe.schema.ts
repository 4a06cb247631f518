/** Validation of PrescribeRequest. */
import { z } from 'zod';
import { idSchema, intSchema, textSchema } from './pharmacy-fields.schema.ts';

/** A new prescription. An empty (or blank) override reason means "no override". */
export const prescribeSchema = z.object({
  patientId: idSchema,
  drugId: idSchema,
  dose: textSchema('Dose', 100),
  frequency: textSchema('Frequency', 100),
  durationDays: intSchema('Duration', 1, 365),
  quantity: intSchema('Quantity', 1, 10_000),
  allergyOverrideReason: z
    .string()
    .trim()
    .default('')
    .transform((reason) => (reason === '' ? undefined : reason))
    .pipe(textSchema('Allergy override reason', 500).optional()),
});
