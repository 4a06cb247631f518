/** Validation of RecordRefusedOperationRequest (sent by the router; still checked like any input). */
import { z } from 'zod';
import { NO_CONTROL_CHARACTERS, ROLES, uuidSchema } from '@hospital/service-kit';

/**
 * Short, printable text: these values end up in the audit trail as they are (the router sends
 * them through printableText, which makes them so).
 * @param max - most characters
 */
export const auditText = (max: number) => z.string().max(max).regex(NO_CONTROL_CHARACTERS, 'must not contain control characters');

/**
 * Who was refused (a signed-in user, perhaps through an app; an app as itself: no user, an app
 * id; or anonymous: none of them), what they asked for,
 * why, from where. A refusal of the whole request (no token, rate limit) names no fields and may
 * come before the operation type was known.
 */
export const recordRefusedOperationSchema = z
  .object({
    userId: z.union([z.literal(''), uuidSchema]),
    userRole: z.union([z.literal(''), z.enum(ROLES)]),
    operationType: z.enum(['', 'query', 'mutation', 'subscription']),
    operation: auditText(256),
    fields: z.array(auditText(200)).max(100),
    patientIds: z.array(uuidSchema).max(100),
    // An error code of the edge (FORBIDDEN, UNAUTHENTICATED, RATE_LIMITED, OPERATION_TOO_COSTLY, …).
    reason: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'must be an error code'),
    ip: auditText(256),
    userAgent: auditText(256),
    requestId: auditText(64).min(1),
    // The app: the caller itself when there is no user, else the app the user acted through.
    appClientId: z.union([z.literal(''), uuidSchema]).default(''),
    appName: auditText(256).default(''),
  })
  .refine((refusal) => (refusal.userId === '') === (refusal.userRole === ''), { message: 'A user needs both an id and a role; anonymous has neither.', path: ['userRole'] });
