/** The doctor's calendar: clinic slots and the days of a view, in hospital days (see time/hospital-time.ts). */
import { addDaysIso, wallClockToInstant, weekdayIndex } from '../../time/hospital-time.ts';

/** Plain words for an appointment status. */
export const STATUS_WORDS: Record<string, string> = {
  SCHEDULED: 'Scheduled',
  CHECKED_IN: 'Checked in',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  NO_SHOW: 'Did not attend',
};

/** The clinic's bookable day: 08:00 to 17:00 in 30-minute slots (hospital time). */
export const CLINIC_HOURS = { startHour: 8, endHour: 17, slotMinutes: 30 } as const;

/** Start and end instants of a booking from a date input, a time input and minutes; undefined when not a valid time. */
export function slotFrom(date: string, time: string, minutes: number): { startsAt: string; endsAt: string } | undefined {
  const start = wallClockToInstant(date, time);
  if (!start || !Number.isFinite(minutes) || minutes <= 0) return undefined;
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + minutes * 60_000).toISOString() };
}

/**
 * The free slots of one hospital day: clinic-hour slots that overlap no busy (non-cancelled) appointment.
 * @param day - the hospital day, YYYY-MM-DD
 * @param busy - the day's appointments that hold their slot
 */
export function freeSlotsOf(day: string, busy: ReadonlyArray<{ startsAt: string; endsAt: string }>): Array<{ startsAt: Date; endsAt: Date }> {
  const slots: Array<{ startsAt: Date; endsAt: Date }> = [];
  const taken = busy.map((a) => [Date.parse(a.startsAt), Date.parse(a.endsAt)] as const);
  const pad = (n: number) => String(n).padStart(2, '0');
  for (let minute = CLINIC_HOURS.startHour * 60; minute < CLINIC_HOURS.endHour * 60; minute += CLINIC_HOURS.slotMinutes) {
    const startsAt = wallClockToInstant(day, `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`);
    if (!startsAt) continue;
    const endsAt = new Date(startsAt.getTime() + CLINIC_HOURS.slotMinutes * 60_000);
    if (!taken.some(([from, to]) => from < endsAt.getTime() && to > startsAt.getTime())) slots.push({ startsAt, endsAt });
  }
  return slots;
}

/** The hospital days (YYYY-MM-DD) of the week (Monday first) holding `day`, or just that day. */
export function daysOf(view: 'day' | 'week', day: string): string[] {
  if (view === 'day') return [day];
  const monday = addDaysIso(day, -weekdayIndex(day));
  return Array.from({ length: 7 }, (_, i) => addDaysIso(monday, i));
}
