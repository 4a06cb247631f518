import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '@hospital/service-kit';
import { birthDateProblem, fromUtcMidnight, latestToday, toUtcMidnight } from './calendar-date.ts';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-13-01')).toBe(false);
    expect(isCalendarDate('2023-04-31')).toBe(false);
    expect(isCalendarDate('2023-4-1')).toBe(false);
    expect(isCalendarDate('2023-04-01T00:00:00Z')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
  });

  it('round-trips through UTC midnight whatever the local zone', () => {
    expect(toUtcMidnight('1815-12-10').toISOString()).toBe('1815-12-10T00:00:00.000Z');
    expect(fromUtcMidnight(toUtcMidnight('1999-12-31'))).toBe('1999-12-31');
  });

  it('allows "today" anywhere on Earth, not later', () => {
    const now = new Date('2026-03-04T21:00:00Z');
    expect(latestToday(now)).toBe('2026-03-05');
    expect(birthDateProblem('2026-03-05', now)).toBeUndefined();
    expect(birthDateProblem('2026-03-06', now)).toMatch(/future/);
  });

  it('refuses dates before 1900 and malformed ones', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(birthDateProblem('1900-01-01', now)).toBeUndefined();
    expect(birthDateProblem('1899-12-31', now)).toMatch(/1900/);
    expect(birthDateProblem('31/12/1980', now)).toMatch(/YYYY-MM-DD/);
  });
});
