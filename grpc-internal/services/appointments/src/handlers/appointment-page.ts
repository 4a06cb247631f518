/** Keyset pages of appointments: cursors over (startsAt, id) and the proto page they become. */
import type { PageInfo } from '@hospital/grpc-contracts';
import { decodeCursor, encodeCursor, invalidInput, uuidSchema } from '@hospital/service-kit';
import type { AppointmentPosition, AppointmentRecord } from '../repositories/appointment-repository.ts';
import { toProtoAppointment } from './to-proto-appointment.ts';

/**
 * The cursor of an appointment in a listing.
 * @param record - the appointment
 */
export function cursorOf(record: AppointmentRecord): string {
  return encodeCursor([record.startsAt.toISOString(), record.id]);
}

/**
 * The position a cursor names; undefined for an empty cursor, BAD_USER_INPUT for a forged one.
 * @param cursor - the client's `after`
 */
export function positionFrom(cursor: string): AppointmentPosition | undefined {
  if (!cursor) return undefined;
  const [startsAt, id] = decodeCursor(cursor, 2);
  const instant = new Date(startsAt!);
  if (Number.isNaN(instant.getTime()) || !uuidSchema.safeParse(id).success) throw invalidInput('Invalid cursor.', 'after');
  return { startsAt: instant, id: id! };
}

/**
 * A page from `limit + 1` rows read (the extra row only says that another page follows).
 * @param rows - the rows read, at most limit + 1
 * @param limit - the page size
 * @param totalCount - matching rows over all pages
 */
export function toPage(rows: AppointmentRecord[], limit: number, totalCount: number) {
  const page = rows.slice(0, limit);
  const cursors = page.map(cursorOf);
  const pageInfo: PageInfo = { endCursor: cursors.at(-1) ?? '', hasNextPage: rows.length > limit, totalCount };
  return { appointments: page.map(toProtoAppointment), cursors, pageInfo };
}
