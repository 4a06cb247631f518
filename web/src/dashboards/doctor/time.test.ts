/** Free slots and the days of a calendar view (local time). */
import { describe, expect, it } from 'vitest';
import { daysOf, freeSlotsOf } from './time.ts';

describe('freeSlotsOf', () => {
  it('leaves out every clinic slot an appointment overlaps, and only those', () => {
    const day = new Date(2026, 11, 7, 12);
    const at = (h: number, m: number) => new Date(2026, 11, 7, h, m).toISOString();
    const free = freeSlotsOf(day, [
      { startsAt: at(9, 0), endsAt: at(9, 30) },
      { startsAt: at(10, 15), endsAt: at(10, 45) },
    ]);
    expect(free).toHaveLength(18 - 3);
    const starts = free.map((slot) => `${slot.startsAt.getHours()}:${slot.startsAt.getMinutes()}`);
    expect(starts).not.toContain('9:0');
    expect(starts).not.toContain('10:0');
    expect(starts).not.toContain('10:30');
    expect(starts).toContain('9:30');
    expect(starts).toContain('11:0');
  });
});

describe('daysOf', () => {
  it('gives the Monday-first week of a day, or the day alone', () => {
    const sunday = new Date(2026, 11, 13, 15);
    expect(daysOf('week', sunday).map((d) => d.getDate())).toEqual([7, 8, 9, 10, 11, 12, 13]);
    expect(daysOf('day', sunday).map((d) => [d.getDate(), d.getHours()])).toEqual([[13, 0]]);
  });
});
