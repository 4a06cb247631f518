/**
 * SQL for appointment listings. Keyset pagination on (starts_at, id) uses a row comparison that
 * the (doctor_id | patient_id | nothing, starts_at, id) indexes answer with a range scan, in index
 * order (no sort). A window's `from` also bounds starts_at from below, so a doctor's day reads that
 * day's rows, not their whole history.
 */
import { Prisma } from '@hospital/db';
import { MAX_DURATION_MS } from '../domain/slot-rules.ts';
import type { AppointmentFilter, AppointmentPageQuery, AppointmentPosition } from './appointment-repository.ts';

/**
 * The earliest start an appointment still running after `from` can have. Every appointment lasts
 * at most MAX_DURATION_MS (the booking and rescheduling rule), so one ending after `from` started
 * after `from − MAX_DURATION_MS`: the bound changes no result, it only lets the index range scan
 * begin there instead of at the doctor's first appointment ever.
 * @param from - the window's start
 */
export function earliestStartOverlapping(from: Date): Date {
  return new Date(from.getTime() - MAX_DURATION_MS);
}

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
  if (filter.from !== undefined) conditions.push(Prisma.sql`ends_at > ${filter.from} AND starts_at > ${earliestStartOverlapping(filter.from)}`);
  if (filter.to !== undefined) conditions.push(Prisma.sql`starts_at < ${filter.to}`);
  if (filter.statuses && filter.statuses.length > 0) conditions.push(Prisma.sql`status::text = ANY(${filter.statuses}::text[])`);
  if (after) conditions.push(Prisma.sql`(starts_at, id) > (${after.startsAt}, ${after.id}::uuid)`);
  return Prisma.join(conditions, ' AND ');
}

/**
 * The order of every listing; cursors hold these columns. Qualified, so it names the uuid column
 * even where the SELECT list has an output column called `id` (`id::text AS id` would make a bare
 * `id` sort as text, which no index serves).
 */
export const LIST_ORDER = Prisma.sql`appointments.starts_at, appointments.id`;

/**
 * One page of a listing: the ids (as text, `appointment_id`) in (starts_at, id) order.
 * @param query - filter, start position and rows to read
 */
export function pageSql(query: AppointmentPageQuery): Prisma.Sql {
  return Prisma.sql`SELECT id::text AS appointment_id FROM appointments.appointments
     WHERE ${whereClause(query, query.after)}
     ORDER BY ${LIST_ORDER}
     LIMIT ${query.limit}`;
}

/**
 * How many appointments match a filter (`total`).
 * @param filter - the filter
 */
export function countSql(filter: AppointmentFilter): Prisma.Sql {
  return Prisma.sql`SELECT count(*) AS total FROM appointments.appointments WHERE ${whereClause(filter)}`;
}

/** Statuses that hold a slot, as the exclusion constraints' WHERE clause names them. */
export const ACTIVE = Prisma.sql`status IN ('SCHEDULED', 'CHECKED_IN')`;
