/** Validation of ListAdmissionsRequest. */
import { z } from 'zod';
import { pageRequestSchema, uuidSchema } from '@hospital/service-kit';

const STATUSES: Record<string, 'ADMITTED' | 'DISCHARGED' | undefined> = {
  ADMISSION_STATUS_UNSPECIFIED: undefined,
  ADMISSION_STATUS_ADMITTED: 'ADMITTED',
  ADMISSION_STATUS_DISCHARGED: 'DISCHARGED',
  0: undefined,
  1: 'ADMITTED',
  2: 'DISCHARGED',
};

/** Ward filter ('' for every ward), status filter (unspecified for both) and page. */
export const listAdmissionsSchema = z.object({
  wardId: z
    .string()
    .default('')
    .transform((value) => (value === '' ? undefined : value))
    .pipe(uuidSchema.optional()),
  status: z
    .union([z.string(), z.number()])
    .default('ADMISSION_STATUS_UNSPECIFIED')
    .transform((value, ctx) => {
      if (!(String(value) in STATUSES)) {
        ctx.addIssue({ code: 'custom', message: 'Unknown admission status.' });
        return z.NEVER;
      }
      return STATUSES[String(value)];
    }),
  page: pageRequestSchema,
});
