import { describe, expect, it } from 'vitest';
import { generateDemoPatients } from './demo-patients.ts';
import { createPrng } from './prng.ts';

const today = new Date('2026-11-24T12:00:00Z');

describe('generateDemoPatients', () => {
  const patients = generateDemoPatients(500, { today });

  it('is deterministic for a seed and day', () => {
    expect(generateDemoPatients(500, { today })).toEqual(patients);
    expect(generateDemoPatients(50, { today, seed: 7 })).not.toEqual(patients.slice(0, 50));
  });

  it('spreads ages over 0–95 with dates at UTC midnight', () => {
    const ages = patients.map((p) => {
      const born = p.dateOfBirth as Date;
      expect(born.toISOString()).toMatch(/T00:00:00.000Z$/);
      return (today.getTime() - born.getTime()) / (365.25 * 86_400_000);
    });
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(96);
    expect(ages.filter((a) => a < 18).length).toBeGreaterThan(50);
    expect(ages.filter((a) => a > 70).length).toBeGreaterThan(50);
  });

  it('varies names, sexes and contact details, with allergies for about a fifth', () => {
    expect(new Set(patients.map((p) => p.familyName)).size).toBeGreaterThan(50);
    expect(new Set(patients.map((p) => p.givenName)).size).toBeGreaterThan(60);
    expect(new Set(patients.map((p) => p.sex))).toEqual(new Set(['female', 'male', 'other', 'unknown']));
    const withAllergies = patients.filter((p) => (p.allergies as string[]).length > 0).length / patients.length;
    expect(withAllergies).toBeGreaterThan(0.12);
    expect(withAllergies).toBeLessThan(0.28);
    for (const p of patients.filter((x) => x.email)) expect(p.email).toMatch(/^[a-z0-9.]+@example\.com$/);
    expect(patients.some((p) => p.phone === null) && patients.some((p) => p.address)).toBe(true);
  });
});

describe('createPrng', () => {
  it('keeps int() within its inclusive bounds', () => {
    const prng = createPrng(1);
    const draws = Array.from({ length: 1000 }, () => prng.int(3, 5));
    expect(new Set(draws)).toEqual(new Set([3, 4, 5]));
  });
});
