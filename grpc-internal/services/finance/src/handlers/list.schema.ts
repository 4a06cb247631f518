/** Validation of ListInvoicesRequest, GetPatientInvoicesRequest and GetPatientBalancesRequest. */
import { z } from 'zod';
import { idListSchema, pageRequestSchema } from '@hospital/service-kit';
import { optionalUuidSchema, statusFilterSchema } from './finance-fields.schema.ts';

/** A filtered page of invoices (the page itself is checked by service-kit's pageSize). */
export const listInvoicesSchema = z.object({
  status: statusFilterSchema,
  patientId: optionalUuidSchema.default(null),
  page: pageRequestSchema,
});

/** Newest invoices of many patients. */
export const getPatientInvoicesSchema = z.object({
  patientIds: idListSchema,
  status: statusFilterSchema,
  first: z.number().default(0),
});

/** Outstanding balances of many patients. */
export const getPatientBalancesSchema = z.object({ patientIds: idListSchema });
