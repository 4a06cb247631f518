/** Validation of ListDeliveriesRequest. */
import { z } from 'zod';
import { pageRequestSchema } from '@hospital/service-kit';

/** Status filter and page. */
export const listDeliveriesSchema = z.object({
  status: z
    .enum(['DELIVERY_STATUS_UNSPECIFIED', 'DELIVERY_STATUS_PENDING', 'DELIVERY_STATUS_SENT', 'DELIVERY_STATUS_FAILED', 'DELIVERY_STATUS_SKIPPED'])
    .default('DELIVERY_STATUS_UNSPECIFIED'),
  page: pageRequestSchema,
});
