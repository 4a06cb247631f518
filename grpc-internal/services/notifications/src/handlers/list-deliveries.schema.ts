/** Validation of ListDeliveriesRequest. */
import { z } from 'zod';
import { pageSchema } from './fields.schema.ts';

/** Status filter and page. */
export const listDeliveriesSchema = z.object({
  status: z
    .enum(['DELIVERY_STATUS_UNSPECIFIED', 'DELIVERY_STATUS_PENDING', 'DELIVERY_STATUS_SENT', 'DELIVERY_STATUS_FAILED', 'DELIVERY_STATUS_SKIPPED'])
    .default('DELIVERY_STATUS_UNSPECIFIED'),
  page: pageSchema,
});
