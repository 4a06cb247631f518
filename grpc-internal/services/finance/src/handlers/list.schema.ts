/** Validation of ListInvoicesRequest, GetPatientInvoicesRequest and GetPatientBalancesRequest. */
import { z } from 'zod';
import { idListSchema } from '@hospital/service-kit';
import { optionalUuidSchema, statusFilterSchema } from './finance-fields.schema.ts';

/** A filtered page of invoices (the page itself is checked by service-kit's pageSize). */
export const listInvoicesSchema = z.object({
  status: statusFilterSchema,
  patientId: optionalUuidSchema.default(null),
  page: z
    .object({ first: z.number().optional(), after: z.string().optional() })
    .nullish()
    .transform((page) => ({ first: page?.first ?? 0, after: page?.after ?? '' })),
});

/** Newest invoices of many patients. */
export const getPatientInvoicesSchema = z.object({
  patientIds: idListSchema,
  status: statusFilterSchema,
  first: z.number().default(0),
});

/** Outstanding balances of many patients. */
export const getPatientBalancesSchema = z.object({ patientIds: idListSchema });
