import { describe, expect, it } from 'vitest';
import { abnormalVitals, firstImplausible } from './vital-ranges.ts';

describe('vital-sign plausibility', () => {
  it('accepts values inside the plausible ranges', () => {
    expect(firstImplausible({ temperatureC: 37.5, pulseBpm: 72, spo2Percent: 100, painScore: 0, weightKg: 0.9 })).toBeUndefined();
  });

  it.each([
    [{ temperatureC: 375 }, 'temperatureC'],
    [{ pulseBpm: 0 }, 'pulseBpm'],
    [{ spo2Percent: 101 }, 'spo2Percent'],
    [{ painScore: 11 }, 'painScore'],
    [{ pulseBpm: 72.5 }, 'pulseBpm'],
    [{ heightCm: Number.NaN }, 'heightCm'],
  ])('refuses %o naming %s', (values, name) => expect(firstImplausible(values)?.name).toBe(name));
});

describe('abnormal flags', () => {
  it('flags values outside the normal band only', () => {
    expect(abnormalVitals({ temperatureC: 38.5, pulseBpm: 70, spo2Percent: 93, weightKg: 140 })).toEqual(['temperatureC', 'spo2Percent']);
    expect(abnormalVitals({ temperatureC: 36.1, pulseBpm: 90, respiratoryRate: 20 })).toEqual([]);
  });
});
