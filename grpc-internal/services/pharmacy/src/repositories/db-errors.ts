/**
 * Database helpers of the pharmacy's repositories: PostgreSQL's verdict (read by the service kit)
 * and DATE columns as calendar days.
 */
export { isSqlState, SQLSTATE, sqlStateOf } from '@hospital/service-kit';

/**
 * A calendar day as a DATE column expects it from Prisma (UTC midnight).
 * @param day - YYYY-MM-DD
 */
export function dateColumn(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/**
 * A DATE column as a calendar day.
 * @param value - what Prisma returned (UTC midnight)
 */
export function dayOf(value: Date): string {
  return value.toISOString().slice(0, 10);
}
