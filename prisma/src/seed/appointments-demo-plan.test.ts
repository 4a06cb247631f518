import { describe, expect, it } from 'vitest';
import { planAppointmentDay } from './appointments-demo-plan.ts';

const today = new Date('2026-11-24T15:42:00Z');
const plan = planAppointmentDay(today);
const active = (status: string) => status === 'SCHEDULED' || status === 'CHECKED_IN';

describe('planAppointmentDay', () => {
  it('gives the demo doctor 14 appointments today between 08:00 and 17:00 in a mix of statuses', () => {
    const main = plan.filter((a) => a.doctor === 0);
    expect(main).toHaveLength(14);
    for (const a of main) {
      expect(a.startsAt.toISOString().slice(0, 10)).toBe('2026-11-24');
      expect(a.startsAt.getUTCHours()).toBeGreaterThanOrEqual(8);
      expect(a.endsAt.getTime()).toBeLessThanOrEqual(Date.parse('2026-11-24T17:00:00Z'));
    }
    expect(new Set(main.map((a) => a.status))).toEqual(new Set(['SCHEDULED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW']));
    expect(plan.filter((a) => a.doctor !== 0)).toHaveLength(6);
  });

  it('never overlaps two active appointments of one doctor, and uses each patient once', () => {
    for (const doctor of [0, 1, 2]) {
      const slots = plan.filter((a) => a.doctor === doctor && active(a.status)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      for (let i = 1; i < slots.length; i++) expect(slots[i]!.startsAt.getTime()).toBeGreaterThanOrEqual(slots[i - 1]!.endsAt.getTime());
    }
    expect(new Set(plan.map((a) => a.patient)).size).toBe(plan.length);
  });

  it('writes a history that starts with the booking and ends in the current status', () => {
    for (const a of plan) {
      expect(a.history[0]).toMatchObject({ from: null, to: 'SCHEDULED' });
      expect(a.history.at(-1)?.to).toBe(a.status);
      for (let i = 1; i < a.history.length; i++) expect(a.history[i]!.from).toBe(a.history[i - 1]!.to);
    }
  });
});
