import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_WARDS, planWardStays, type DemoPatient } from './ward-demo-plan.ts';

const today = new Date('2026-11-24T12:00:00Z');
const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;
const bornYearsAgo = (years: number): DemoPatient => ({ id: randomUUID(), dateOfBirth: new Date(today.getTime() - years * YEAR_MS) });
const patients = [...Array.from({ length: 60 }, (_, i) => bornYearsAgo(20 + i)), ...Array.from({ length: 12 }, (_, i) => bornYearsAgo(1 + i))];

describe('planWardStays', () => {
  const stays = planWardStays(patients, today);
  const current = stays.filter((s) => !s.discharge);

  it('fills about 60% of every ward, one patient per bed, out-of-service beds left empty', () => {
    for (const ward of DEMO_WARDS) {
      expect(ward.beds.length).toBeGreaterThanOrEqual(8);
      expect(ward.beds.length).toBeLessThanOrEqual(16);
      const here = current.filter((s) => s.wardCode === ward.code);
      expect(here.length).toBe(Math.round(ward.beds.length * 0.6));
      expect(new Set(here.map((s) => s.bedLabel)).size).toBe(here.length);
      for (const label of ward.outOfService) expect(here.map((s) => s.bedLabel)).not.toContain(label);
    }
  });

  it('admits each patient once, children only to Paediatrics, all in the days before today', () => {
    expect(new Set(stays.map((s) => s.patientId)).size).toBe(stays.length);
    const children = new Set(patients.slice(60).map((p) => p.id));
    for (const stay of stays) {
      expect(children.has(stay.patientId)).toBe(stay.wardCode === 'PAED');
      expect(stay.admittedAt.getTime()).toBeLessThan(today.getTime());
      expect(today.getTime() - stay.admittedAt.getTime()).toBeLessThanOrEqual(14 * 24 * 60 * 60 * 1000);
      if (stay.discharge) expect(stay.discharge.at.getTime()).toBeGreaterThan(stay.admittedAt.getTime());
    }
    expect(stays.some((s) => s.discharge)).toBe(true);
  });

  it('moves one current Cardiology stay from a bed that is free now', () => {
    const moved = stays.filter((s) => s.transferredFrom);
    expect(moved).toHaveLength(1);
    const busy = current.filter((s) => s.wardCode === 'CARD').map((s) => s.bedLabel);
    expect(busy).not.toContain(moved[0]!.transferredFrom!.bedLabel);
  });

  it('is the same plan every time, and shrinks with fewer patients', () => {
    expect(planWardStays(patients, today)).toEqual(stays);
    expect(planWardStays(patients.slice(0, 5), today)).toHaveLength(5);
    expect(planWardStays([], today)).toEqual([]);
  });
});
