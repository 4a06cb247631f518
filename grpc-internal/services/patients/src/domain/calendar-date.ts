/**
 * Calendar dates (YYYY-MM-DD) such as a date of birth. They are days, not instants: they travel
 * as strings and are stored as PostgreSQL DATE, read and written at UTC midnight so no time zone
 * can shift them by a day.
 */

import { isCalendarDate } from '@hospital/service-kit';

/** Earliest date of birth accepted. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * The instant a calendar date is stored as (UTC midnight).
 * @param value - YYYY-MM-DD
 */
export function toUtcMidnight(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

/**
 * The calendar date of a stored DATE (read back at UTC midnight).
 * @param date - the stored value
 */
export function fromUtcMidnight(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The latest date that is "today" somewhere on Earth (UTC+14). A baby born this morning in
 * Auckland has a date of birth that is still tomorrow in UTC; refusing it would be wrong.
 * @param now - the current instant
 */
export function latestToday(now: Date): string {
  return fromUtcMidnight(new Date(now.getTime() + 14 * 3600 * 1000));
}

/**
 * Why a date of birth is unacceptable, or undefined when it is fine.
 * @param value - YYYY-MM-DD as typed
 * @param now - the current instant
 */
export function birthDateProblem(value: string, now: Date): string | undefined {
  if (!isCalendarDate(value)) return 'Date of birth must be a real date in YYYY-MM-DD form.';
  // Same-length ISO dates compare correctly as strings.
  if (value > latestToday(now)) return 'Date of birth cannot be in the future.';
  if (value < EARLIEST_BIRTH_DATE) return `Date of birth cannot be before ${EARLIEST_BIRTH_DATE}.`;
  return undefined;
}
