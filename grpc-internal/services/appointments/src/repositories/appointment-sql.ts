/**
 * SQL for appointment listings. Keyset pagination on (starts_at, id) uses a row comparison that
 * the (doctor_id | patient_id | nothing, starts_at, id) indexes answer with a range scan.
 */
import { Prisma } from '@hospital/db';
import type { AppointmentFilter, AppointmentPosition } from './appointment-repository.ts';

/**
 * The WHERE clause of a listing, on unqualified columns of appointments.appointments.
 * @param filter - doctor, patient, window and statuses
 * @param after - where the page starts, when paging
 */
export function whereClause(filter: Partial<AppointmentFilter>, after?: AppointmentPosition): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.doctorId !== undefined) conditions.push(Prisma.sql`doctor_id = ${filter.doctorId}::uuid`);
  if (filter.patientId !== undefined) conditions.push(Prisma.sql`patient_id = ${filter.patientId}::uuid`);
  // Overlap with the window: an appointment running across `from` is still on that day's list.
  if (filter.from !== undefined) conditions.push(Prisma.sql`ends_at > ${filter.from}`);
  if (filter.to !== undefined) conditions.push(Prisma.sql`starts_at < ${filter.to}`);
  if (filter.statuses && filter.statuses.length > 0) conditions.push(Prisma.sql`status::text = ANY(${filter.statuses}::text[])`);
  if (after) conditions.push(Prisma.sql`(starts_at, id) > (${after.startsAt}, ${after.id}::uuid)`);
  return Prisma.join(conditions, ' AND ');
}

/** The order of every listing; cursors hold these columns. */
export const LIST_ORDER = Prisma.sql`starts_at, id`;

/** Statuses that hold a slot, as the exclusion constraints' WHERE clause names them. */
export const ACTIVE = Prisma.sql`status IN ('SCHEDULED', 'CHECKED_IN')`;
