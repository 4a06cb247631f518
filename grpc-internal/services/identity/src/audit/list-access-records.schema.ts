/** Validation of ListAccessRecordsRequest. */
import { z } from 'zod';
import { pageRequestSchema, uuidSchema } from '@hospital/service-kit';

const optionalUuid = z.union([z.literal(''), uuidSchema]).transform((value) => value || undefined);
const optionalInstant = z
  .union([z.literal(''), z.iso.datetime({ offset: true, error: 'Must be an RFC 3339 timestamp with an offset, for example 2026-11-24T09:30:00Z.' })])
  .transform((value) => (value ? new Date(value) : undefined));

/** Patient, user, time range and page (page size and cursor are checked by the handler). */
export const listAccessRecordsSchema = z
  .object({
    patientId: optionalUuid,
    userId: optionalUuid,
    from: optionalInstant,
    to: optionalInstant,
    page: pageRequestSchema,
  })
  .refine((request) => !request.from || !request.to || request.from < request.to, { message: '`from` must be before `to`.', path: ['to'] });
