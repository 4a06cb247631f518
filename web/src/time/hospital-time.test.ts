/** The hospital clock across London's DST changes (29 Mar and 25 Oct 2026), whatever zone this process runs in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dateInputValue,
  dayBounds,
  formatDate,
  formatDateTime,
  formatDayHeader,
  formatTime,
  hospitalTimeZone,
  isTimeZone,
  setHospitalTimeZone,
  timeInputValue,
  todayIso,
  wallClockToInstant,
} from './hospital-time.ts';

const before = hospitalTimeZone();
beforeAll(() => setHospitalTimeZone('Europe/London'));
afterAll(() => setHospitalTimeZone(before));

describe('hospital time zone', () => {
  it('knows IANA names and keeps its zone when handed an unknown one', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    setHospitalTimeZone('Mars/Olympus');
    expect(hospitalTimeZone()).toBe('Europe/London');
  });
});

describe('formatting in the hospital zone', () => {
  it('shows one format for date+time, time and day header, on both sides of a DST change', () => {
    expect(formatDateTime('2026-03-28T09:30:00Z')).toBe('28 Mar 2026, 09:30');
    expect(formatDateTime('2026-03-30T09:30:00Z')).toBe('30 Mar 2026, 10:30');
    expect(formatTime('2026-10-26T09:30:00Z')).toBe('09:30');
    expect(formatTime('2026-10-24T09:30:00Z')).toBe('10:30');
    expect(formatDayHeader('2026-12-07')).toBe('Mon 7 Dec');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a time')).toBe('—');
  });

  it('shows a calendar date without shifting it', () => {
    expect(formatDate('1980-02-29')).toBe('29 Feb 1980');
    expect(formatDate(undefined)).toBe('—');
  });

  it('fills date and time inputs with the hospital wall clock', () => {
    expect(dateInputValue('2026-06-30T23:30:00Z')).toBe('2026-07-01');
    expect(timeInputValue('2026-06-30T23:30:00Z')).toBe('00:30');
  });
});

describe('today in the hospital zone', () => {
  it('is the hospital date, not the UTC or browser one', () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(todayIso(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayIso(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('has days of 23 and 25 hours at the DST changes', () => {
    const spring = dayBounds('2026-03-29');
    expect(spring.from.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(spring.to.getTime() - spring.from.getTime()).toBe(23 * 3_600_000);
    const autumn = dayBounds('2026-10-25');
    expect(autumn.from.toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(autumn.to.getTime() - autumn.from.getTime()).toBe(25 * 3_600_000);
  });
});

describe('wall clock to instant', () => {
  it('reads a date and time in the hospital zone, DST-safe', () => {
    expect(wallClockToInstant('2026-03-28', '09:00')?.toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(wallClockToInstant('2026-03-30', '09:00')?.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    // 01:30 does not exist on the spring-forward night: it moves forward an hour.
    expect(wallClockToInstant('2026-03-29', '01:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(wallClockToInstant('2026-10-26', '09:00')?.toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(wallClockToInstant('2026-02-31', '09:00')).toBeUndefined();
    expect(wallClockToInstant('2026-03-30', '25:00')).toBeUndefined();
    expect(wallClockToInstant('', '09:00')).toBeUndefined();
    expect(wallClockToInstant('2026-03-30', '')).toBeUndefined();
  });
});
