/**
 * Field rules shared by the appointments requests. Times arrive as RFC 3339 strings with an
 * offset and leave the schema as Date; empty strings stand for "not given" (proto3 has no null).
 */
import { z } from 'zod';
import { NO_CONTROL_CHARACTERS_MULTILINE, protoEnumSchema, uuidSchema } from '@hospital/service-kit';
import { APPOINTMENT_STATUS_ENUM } from '../domain/appointment-status.ts';

/** An id that may be left empty (meaning "not given"). */
export const optionalIdSchema = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined)
  .pipe(uuidSchema.optional());

/** A required instant: RFC 3339 with an offset (Z or ±hh:mm). */
export const instantSchema = z.iso
  .datetime({ offset: true, error: 'Must be an RFC 3339 timestamp with an offset, for example 2026-11-24T09:30:00Z.' })
  .transform((value) => new Date(value));

/** An instant that may be left empty. */
export const optionalInstantSchema = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined)
  .pipe(instantSchema.optional());

/** Free text (visit or cancellation reason): trimmed, at most 500 characters, empty → null. */
export const reasonSchema = z
  .string()
  .optional()
  .transform((value) => (value ?? '').trim())
  .pipe(z.string().max(500, 'A reason is at most 500 characters.').regex(NO_CONTROL_CHARACTERS_MULTILINE, 'A reason must not contain control characters.'))
  .transform((value) => (value === '' ? null : value));

/** A status as the proto enum sends it (name or number); UNSPECIFIED is refused. */
export const statusSchema = protoEnumSchema(APPOINTMENT_STATUS_ENUM, { unspecified: 'refuse', message: 'Unknown appointment status.' });

/** The shared window of a listing: appointments overlapping [from, to), with these statuses. */
export const windowShape = {
  from: optionalInstantSchema,
  to: optionalInstantSchema,
  statuses: z.array(statusSchema).max(5, 'Name each status at most once.').default([]),
};

/**
 * True unless the window is back to front: `to`, when given with `from`, comes after it.
 * @param window - the parsed from and to
 */
export const windowInOrder = (window: { from?: Date | undefined; to?: Date | undefined }) => !(window.from && window.to) || window.from < window.to;

/** The issue reported when a window is back to front. */
export const WINDOW_ORDER_ISSUE = { message: '`to` must be after `from`.', path: ['to'] };
