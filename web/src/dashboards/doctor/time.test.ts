/** Free slots, booking slots and the days of a calendar view, in the hospital's zone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTime, hospitalTimeZone, setHospitalTimeZone } from '../../time/hospital-time.ts';
import { daysOf, freeSlotsOf, slotFrom } from './time.ts';

const before = hospitalTimeZone();
beforeAll(() => setHospitalTimeZone('Europe/London'));
afterAll(() => setHospitalTimeZone(before));

describe('freeSlotsOf', () => {
  it('leaves out every clinic slot an appointment overlaps, and only those', () => {
    const free = freeSlotsOf('2026-12-07', [
      { startsAt: '2026-12-07T09:00:00Z', endsAt: '2026-12-07T09:30:00Z' },
      { startsAt: '2026-12-07T10:15:00Z', endsAt: '2026-12-07T10:45:00Z' },
    ]);
    expect(free).toHaveLength(18 - 3);
    const starts = free.map((slot) => formatTime(slot.startsAt));
    expect(starts).not.toContain('09:00');
    expect(starts).not.toContain('10:00');
    expect(starts).not.toContain('10:30');
    expect(starts).toContain('09:30');
    expect(starts).toContain('11:00');
  });

  it('starts the clinic at 08:00 hospital time in summer too (07:00 UTC)', () => {
    expect(freeSlotsOf('2026-07-01', [])[0]!.startsAt.toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });
});

describe('slotFrom', () => {
  it('reads the typed date and time in the hospital zone; refuses a non-time', () => {
    expect(slotFrom('2026-03-30', '09:00', 30)).toEqual({ startsAt: '2026-03-30T08:00:00.000Z', endsAt: '2026-03-30T08:30:00.000Z' });
    expect(slotFrom('2026-03-30', '', 30)).toBeUndefined();
    expect(slotFrom('2026-03-30', '09:00', 0)).toBeUndefined();
  });
});

describe('daysOf', () => {
  it('gives the Monday-first week of a day, or the day alone', () => {
    expect(daysOf('week', '2026-12-13')).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']);
    expect(daysOf('week', '2026-03-30')[6]).toBe('2026-04-05');
    expect(daysOf('day', '2026-12-13')).toEqual(['2026-12-13']);
  });
});
