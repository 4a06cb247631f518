/** Validation of RecordRefusedOperationRequest (sent by the router; still checked like any input). */
import { z } from 'zod';
import { ROLES, uuidSchema } from '@hospital/service-kit';

/** Short, printable text: these values end up in the audit trail as they are. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

/**
 * Who was refused (a signed-in user, or anonymous: no user id nor role), what they asked for,
 * why, from where. A refusal of the whole request (no token, rate limit) names no fields and may
 * come before the operation type was known.
 */
export const recordRefusedOperationSchema = z
  .object({
    userId: z.union([z.literal(''), uuidSchema]),
    userRole: z.union([z.literal(''), z.enum(ROLES)]),
    operationType: z.enum(['', 'query', 'mutation', 'subscription']),
    operation: text(256),
    fields: z.array(text(200)).max(100),
    patientIds: z.array(uuidSchema).max(100),
    // An error code of the edge (FORBIDDEN, UNAUTHENTICATED, RATE_LIMITED, OPERATION_TOO_COSTLY, …).
    reason: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'must be an error code'),
    ip: text(256),
    userAgent: text(256),
    requestId: text(64).min(1),
  })
  .refine((refusal) => (refusal.userId === '') === (refusal.userRole === ''), { message: 'A user needs both an id and a role; anonymous has neither.', path: ['userRole'] });
