/**
 * The hospital's clock: one IANA time zone (HOSPITAL_TIME_ZONE, handed over in /config.json) for
 * "today" and every time the dashboards show or read, whatever zone the browser runs in, and one
 * format for dates and times everywhere. date-fns + @date-fns/tz do the zone arithmetic (DST-safe).
 */
import { TZDate, tz } from '@date-fns/tz';
import { addDays, format, parseISO } from 'date-fns';
import { isTimeZone } from '@hospital/grpc-contracts/time-zone';

export { isTimeZone };

let zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Sets the hospital's zone (once, at start-up, from the server's configuration); ignores an unknown one. */
export function setHospitalTimeZone(name: string): void {
  if (isTimeZone(name)) zone = name;
}

/** The hospital's IANA time zone. */
export function hospitalTimeZone(): string {
  return zone;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/** The instant in the hospital's zone, or undefined when it is missing or not a time. */
function inZone(instant: string | Date | null | undefined): TZDate | undefined {
  if (instant === null || instant === undefined || instant === '') return undefined;
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return Number.isNaN(ms) ? undefined : new TZDate(ms, zone);
}

/** "7 Dec 2026, 09:30" in the hospital's zone; "—" when missing. */
export function formatDateTime(instant: string | Date | null | undefined): string {
  const at = inZone(instant);
  return at ? format(at, 'd MMM yyyy, HH:mm') : '—';
}

/** "09:30" in the hospital's zone; "—" when missing. */
export function formatTime(instant: string | Date | null | undefined): string {
  const at = inZone(instant);
  return at ? format(at, 'HH:mm') : '—';
}

/** A calendar date (YYYY-MM-DD, e.g. a birth date) as "7 Dec 2026", never shifted through a zone. */
export function formatDate(day: string | null | undefined): string {
  if (!day) return '—';
  const date = DAY.test(day) ? parseISO(day) : undefined;
  return date && !Number.isNaN(date.getTime()) ? format(date, 'd MMM yyyy') : day;
}

/** A hospital day (YYYY-MM-DD) as a schedule header: "Mon 7 Dec". */
export function formatDayHeader(day: string): string {
  return format(parseISO(day), 'EEE d MMM');
}

/** Today's date in the hospital's zone as YYYY-MM-DD (the value format of `<input type="date">`). */
export function todayIso(now: Date = new Date()): string {
  return dateInputValue(now);
}

/** YYYY-MM-DD of an instant in the hospital's zone (a date input's value). */
export function dateInputValue(instant: string | Date): string {
  const at = inZone(instant);
  return at ? format(at, 'yyyy-MM-dd') : '';
}

/** HH:MM of an instant in the hospital's zone (a time input's value). */
export function timeInputValue(instant: string | Date): string {
  const at = inZone(instant);
  return at ? format(at, 'HH:mm') : '';
}

/**
 * The instant a wall-clock date (YYYY-MM-DD) and time (HH:MM) name in the hospital's zone, or
 * undefined when they are not a date and time. A time skipped by a DST change moves forward
 * (01:30 on a spring-forward night in London is 02:30 BST); a repeated one is its first occurrence.
 */
export function wallClockToInstant(day: string, time: string): Date | undefined {
  if (!DAY.test(day) || !TIME.test(time)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  if (m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59) return undefined;
  const at = new TZDate(y, m - 1, d, hh, mm, zone);
  // 31 Feb rolls into March: not a date.
  if (Number.isNaN(at.getTime()) || at.getDate() !== d) return undefined;
  return new Date(at.getTime());
}

/** The first instant of a hospital day and of the next one (a day may last 23 or 25 hours). */
export function dayBounds(day: string): { from: Date; to: Date } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const from = new TZDate(y, m - 1, d, zone);
  return { from: new Date(from.getTime()), to: new Date(addDays(from, 1, { in: tz(zone) }).getTime()) };
}

/** The hospital day (YYYY-MM-DD) `days` after `day`. */
export function addDaysIso(day: string, days: number): string {
  return format(addDays(parseISO(day), days), 'yyyy-MM-dd');
}

/** Day of the week of a hospital day: 0 Monday … 6 Sunday. */
export function weekdayIndex(day: string): number {
  return (parseISO(day).getDay() + 6) % 7;
}
