/** Validation of CreateInvoiceRequest. */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';
import { currencySchema, optionalUuidSchema } from './finance-fields.schema.ts';

/** A new invoice: patient and currency, optionally the appointment or admission it bills. */
export const createInvoiceSchema = z
  .object({
    patientId: uuidSchema,
    currency: currencySchema,
    appointmentId: optionalUuidSchema,
    admissionId: optionalUuidSchema,
  })
  .refine((input) => input.appointmentId === null || input.admissionId === null, {
    message: 'An invoice bills an appointment or an admission, not both.',
    path: ['admissionId'],
  });
