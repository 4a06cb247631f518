/** Validation of RecordRefusedOperationRequest (sent by the router; still checked like any input). */
import { z } from 'zod';
import { ROLES } from '@hospital/service-kit';
import { uuidSchema } from '../handlers/fields.schema.ts';

/** Short, printable text: these values end up in the audit trail as they are. */
const text = (max: number) => z.string().max(max).regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

/** Who was refused, what they asked for, from where. */
export const recordRefusedOperationSchema = z.object({
  userId: uuidSchema,
  userRole: z.enum(ROLES),
  operationType: z.enum(['query', 'mutation', 'subscription']),
  operation: text(256),
  fields: z.array(text(200)).min(1).max(100),
  patientIds: z.array(uuidSchema).max(100),
  reason: z.literal('FORBIDDEN'),
  ip: text(256),
  userAgent: text(256),
  requestId: text(64).min(1),
});
