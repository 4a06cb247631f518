/** Keyset pages of appointments: cursors over (startsAt, id) and the proto page they become. */
import { instantIdOrder, keysetPage } from '@hospital/service-kit';
import type { AppointmentRecord } from '../repositories/appointment-repository.ts';
import { toProtoAppointment } from './to-proto-appointment.ts';

const BY_START = instantIdOrder('startsAt');

/** The position a cursor names; BAD_USER_INPUT for a forged one. */
export const positionFrom = BY_START.positionFrom;

/**
 * A page from `limit + 1` rows read (the extra row only says that another page follows).
 * @param read - the rows read, at most limit + 1
 * @param limit - the page size
 * @param totalCount - matching rows over all pages
 */
export function toPage(read: AppointmentRecord[], limit: number, totalCount: number) {
  const { rows, cursors, pageInfo } = keysetPage(read, limit, BY_START.cursorOf, totalCount);
  return { appointments: rows.map(toProtoAppointment), cursors, pageInfo };
}
