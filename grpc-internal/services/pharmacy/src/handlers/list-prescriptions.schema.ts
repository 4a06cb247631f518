/** Validation of ListPrescriptionsRequest and ListPatientPrescriptionsRequest. */
import { z } from 'zod';
import { idListSchema, pageRequestSchema, uuidSchema } from '@hospital/service-kit';
import { intSchema, statusFilterSchema } from './pharmacy-fields.schema.ts';

/** A filtered page of prescriptions (an empty patient id means every patient). */
export const listPrescriptionsSchema = z.object({
  status: statusFilterSchema,
  patientId: z
    .string()
    .trim()
    .transform((id) => (id === '' ? undefined : id))
    .pipe(uuidSchema.optional()),
  page: pageRequestSchema,
});

/** The latest prescriptions of several patients (0 per patient = default 20, capped at 100). */
export const listPatientPrescriptionsSchema = z.object({
  patientIds: idListSchema,
  status: statusFilterSchema,
  first: intSchema('first', 0, 1_000_000).transform((first) => Math.min(first || 20, 100)),
});
