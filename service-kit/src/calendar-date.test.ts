import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendar-date.ts';

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2000-02-29', '0001-01-01', '0099-12-31', '9999-12-31'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  // 0000-01-01 passed the patients service's old round-trip check but not the Date scalar.
  it.each(['2023-02-29', '1900-02-29', '2023-04-31', '2023-13-01', '2023-4-1', '2023-04-01T00:00:00Z', '', '0000-01-01'])('refuses %s', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});
