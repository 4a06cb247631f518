/** Date helpers for the doctor's screens (local time: the doctor's day is the wall-clock day). */

/** Midnight today and midnight tomorrow, as ISO strings. */
export function todayRange(now: Date = new Date()): { from: string; to: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** "09:30" for an ISO timestamp. */
export function timeOf(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** "24 Nov 2026, 09:30" for an ISO timestamp. */
export function dateTimeOf(iso: string): string {
  return new Date(iso).toLocaleString([], { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** `YYYY-MM-DD` of a local date (the value of a date input). */
export function dateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `HH:MM` of a local time (the value of a time input). */
export function timeInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Start and end instants from a date input, a time input and a duration in minutes; undefined when
 * the inputs do not make a valid time.
 */
export function slotFrom(date: string, time: string, minutes: number): { startsAt: string; endsAt: string } | undefined {
  const start = new Date(`${date}T${time}`);
  if (Number.isNaN(start.getTime()) || !Number.isFinite(minutes) || minutes <= 0) return undefined;
  const end = new Date(start.getTime() + minutes * 60_000);
  return { startsAt: start.toISOString(), endsAt: end.toISOString() };
}

/** Plain words for an appointment status. */
export const STATUS_WORDS: Record<string, string> = {
  SCHEDULED: 'Scheduled',
  CHECKED_IN: 'Checked in',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  NO_SHOW: 'Did not attend',
};

/** The clinic's bookable day: 08:00 to 17:00 in 30-minute slots (local time). */
export const CLINIC_HOURS = { startHour: 8, endHour: 17, slotMinutes: 30 } as const;

/**
 * The free slots of one day: clinic-hour slots that overlap no busy (non-cancelled) appointment.
 * @param day - any instant of the local day
 * @param busy - the day's appointments that hold their slot
 */
export function freeSlotsOf(day: Date, busy: ReadonlyArray<{ startsAt: string; endsAt: string }>): Array<{ startsAt: Date; endsAt: Date }> {
  const slots: Array<{ startsAt: Date; endsAt: Date }> = [];
  const taken = busy.map((a) => [Date.parse(a.startsAt), Date.parse(a.endsAt)] as const);
  for (let minute = CLINIC_HOURS.startHour * 60; minute < CLINIC_HOURS.endHour * 60; minute += CLINIC_HOURS.slotMinutes) {
    const startsAt = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, minute);
    const endsAt = new Date(startsAt.getTime() + CLINIC_HOURS.slotMinutes * 60_000);
    if (!taken.some(([from, to]) => from < endsAt.getTime() && to > startsAt.getTime())) slots.push({ startsAt, endsAt });
  }
  return slots;
}

/** The local days of the week (Monday first) holding `day`, or just that day. */
export function daysOf(view: 'day' | 'week', day: Date): Date[] {
  const start = new Date(day.getFullYear(), day.getMonth(), day.getDate());
  if (view === 'day') return [start];
  const monday = new Date(start);
  monday.setDate(start.getDate() - ((start.getDay() + 6) % 7));
  return Array.from({ length: 7 }, (_, i) => new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i));
}

/** "Mon 7 Dec" for a local day. */
export function dayLabel(day: Date): string {
  return day.toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short' });
}
