/** Keyset pages of appointments: cursors over (startsAt, id) and the proto page they become. */
import { decodeInstantIdCursor, instantIdCursor, keysetPage } from '@hospital/service-kit';
import type { AppointmentPosition, AppointmentRecord } from '../repositories/appointment-repository.ts';
import { toProtoAppointment } from './to-proto-appointment.ts';

/**
 * The cursor of an appointment in a listing.
 * @param record - the appointment
 */
export function cursorOf(record: AppointmentRecord): string {
  return instantIdCursor(record.startsAt, record.id);
}

/**
 * The position a cursor names; BAD_USER_INPUT for a forged one.
 * @param cursor - the client's non-empty `after`
 */
export function positionFrom(cursor: string): AppointmentPosition {
  const { at, id } = decodeInstantIdCursor(cursor);
  return { startsAt: at, id };
}

/**
 * A page from `limit + 1` rows read (the extra row only says that another page follows).
 * @param read - the rows read, at most limit + 1
 * @param limit - the page size
 * @param totalCount - matching rows over all pages
 */
export function toPage(read: AppointmentRecord[], limit: number, totalCount: number) {
  const { rows, cursors, pageInfo } = keysetPage(read, limit, cursorOf, totalCount);
  return { appointments: rows.map(toProtoAppointment), cursors, pageInfo };
}
