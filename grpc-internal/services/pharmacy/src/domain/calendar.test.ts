import { describe, expect, it } from 'vitest';
import { addDays, isPharmacyDay as isCalendarDate, isExpired, utcDay } from './calendar.ts';

describe('calendar', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('27-01-01')).toBe(false);
    expect(isCalendarDate('0999-01-01')).toBe(false);
  });

  it('counts days in UTC, across month and year ends', () => {
    expect(utcDay(new Date('2026-12-31T23:59:59.999-01:00'))).toBe('2027-01-01');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('treats the expiry day itself as usable', () => {
    expect(isExpired('2026-06-01', '2026-06-01')).toBe(false);
    expect(isExpired('2026-05-31', '2026-06-01')).toBe(true);
    expect(isExpired('2027-01-01', '2026-12-31')).toBe(false);
  });
});
