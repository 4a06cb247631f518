/**
 * Calendar days as the pharmacy counts them. Expiry dates are whole days (a lot marked
 * 2026-05-31 may be used until the end of that day); "today" is the UTC day of the service's
 * clock, so every replica and the database agree on it whatever the host's time zone.
 */

import { isCalendarDate } from '@hospital/service-kit';

const DAY_MS = 86_400_000;

/** The earliest day the pharmacy records (an expiry or a report day before it is a typo). */
export const EARLIEST_DAY = '1000-01-01';

/**
 * True for a real calendar date (the kit's rule) no earlier than {@link EARLIEST_DAY}.
 * @param value - the text to check
 */
export function isPharmacyDay(value: string): boolean {
  return isCalendarDate(value) && value >= EARLIEST_DAY;
}

/**
 * The UTC day of an instant, YYYY-MM-DD.
 * @param instant - a point in time (the service clock)
 */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * A day some days later (or earlier, for negative counts).
 * @param day - YYYY-MM-DD
 * @param days - whole days to add
 */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * True when a lot with this expiry may no longer be used on `today`. YYYY-MM-DD strings sort
 * like the dates they name, so a string comparison is a date comparison.
 * @param expiresOn - the lot's last day of use
 * @param today - the current day
 */
export function isExpired(expiresOn: string, today: string): boolean {
  return expiresOn < today;
}
