/** Validation of ListDeliveriesRequest. */
import { z } from 'zod';
import { pageRequestSchema, protoEnumSchema } from '@hospital/service-kit';
import { DELIVERY_STATUS_ENUM } from './to-proto.ts';

/** Status filter (UNSPECIFIED for any: undefined) and page. */
export const listDeliveriesSchema = z.object({
  status: protoEnumSchema(DELIVERY_STATUS_ENUM, { unspecified: 'any', message: 'Unknown delivery status.' }),
  page: pageRequestSchema,
});
