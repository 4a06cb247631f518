/**
 * What makes a time slot bookable. Slots are half-open, [startsAt, endsAt), so back-to-back
 * appointments do not clash. Overlaps with other appointments are not checked here: the database
 * rules those out (exclusion constraints), which also holds under concurrent requests.
 */
import { invalidInput } from '@hospital/service-kit';

const MINUTE = 60_000;
/** Shortest appointment: anything shorter is a typo, not a consultation. */
export const MIN_DURATION_MS = 5 * MINUTE;
/** Longest appointment: a day list, not a multi-day block (admissions are the ward's business). */
export const MAX_DURATION_MS = 12 * 60 * MINUTE;
/** A start this far behind the clock still counts as "now" (a walk-in booked at 09:00 at 09:03). */
export const PAST_GRACE_MS = 5 * MINUTE;
/** Bookings reach at most this far ahead; beyond it a date is almost surely mistyped. */
export const MAX_AHEAD_MS = 2 * 366 * 24 * 60 * MINUTE;

/** A time slot. */
export interface Slot {
  /** Start (inclusive). */
  startsAt: Date;
  /** End (exclusive). */
  endsAt: Date;
}

/**
 * Throws BAD_USER_INPUT (naming the field) unless the slot is a sane, future appointment time:
 * it ends after it starts, lasts 5 minutes to 12 hours, does not start in the past, and starts
 * within two years.
 * @param slot - the requested slot
 * @param now - the current time
 */
export function assertBookableSlot(slot: Slot, now: Date): void {
  const duration = slot.endsAt.getTime() - slot.startsAt.getTime();
  if (duration <= 0) throw invalidInput('The end must be after the start.', 'endsAt');
  if (duration < MIN_DURATION_MS) throw invalidInput('An appointment lasts at least 5 minutes.', 'endsAt');
  if (duration > MAX_DURATION_MS) throw invalidInput('An appointment lasts at most 12 hours.', 'endsAt');
  if (slot.startsAt.getTime() < now.getTime() - PAST_GRACE_MS) throw invalidInput('The start must not be in the past.', 'startsAt');
  if (slot.startsAt.getTime() > now.getTime() + MAX_AHEAD_MS) throw invalidInput('The start must be within two years.', 'startsAt');
}

/**
 * Human-readable slot for CONFLICT messages: "2026-11-25 09:00–09:30 UTC", or with both dates
 * when it spans midnight. UTC, because the API speaks UTC and the client localises.
 * @param slot - the clashing slot
 */
export function describeSlot(slot: Slot): string {
  const [startDay, startTime] = isoParts(slot.startsAt);
  const [endDay, endTime] = isoParts(slot.endsAt);
  return startDay === endDay ? `${startDay} ${startTime}–${endTime} UTC` : `${startDay} ${startTime} – ${endDay} ${endTime} UTC`;
}

function isoParts(instant: Date): [string, string] {
  const iso = instant.toISOString();
  return [iso.slice(0, 10), iso.slice(11, 16)];
}
