/** Validation of ListAdmissionsRequest. */
import { z } from 'zod';
import { pageRequestSchema, protoEnum, protoEnumSchema, uuidSchema } from '@hospital/service-kit';

/** The proto enum AdmissionStatus. */
const ADMISSION_STATUS_ENUM = protoEnum('ADMISSION_STATUS_', ['ADMITTED', 'DISCHARGED'] as const);

/** Ward filter ('' for every ward), status filter (unspecified for both) and page. */
export const listAdmissionsSchema = z.object({
  wardId: z
    .string()
    .default('')
    .transform((value) => (value === '' ? undefined : value))
    .pipe(uuidSchema.optional()),
  status: protoEnumSchema(ADMISSION_STATUS_ENUM, { unspecified: 'any', message: 'Unknown admission status.' }),
  page: pageRequestSchema,
});
