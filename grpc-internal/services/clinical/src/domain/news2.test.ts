import { describe, expect, it } from 'vitest';
import { news2, news2Parameters, type News2Input } from './news2.ts';

/** A set scoring 0 in every parameter. */
type Complete = Parameters<typeof news2Parameters>[0];
const calm: Complete = { respiratoryRate: 16, spo2Percent: 97, onOxygen: false, systolicMmhg: 120, pulseBpm: 70, consciousness: 'ALERT', temperatureC: 37.0 };
const scoreOf = (change: Partial<Complete>) => news2Parameters({ ...calm, ...change }).reduce((a, b) => a + b, 0);

describe('NEWS2 chart 1 (RCP 2017), each band edge', () => {
  it.each([
    [8, 3],
    [9, 1],
    [11, 1],
    [12, 0],
    [20, 0],
    [21, 2],
    [24, 2],
    [25, 3],
  ])('respiration rate %i scores %i', (respiratoryRate, points) => expect(scoreOf({ respiratoryRate })).toBe(points));

  it.each([
    [91, 3],
    [92, 2],
    [93, 2],
    [94, 1],
    [95, 1],
    [96, 0],
    [100, 0],
  ])('SpO2 (scale 1) %i%% scores %i', (spo2Percent, points) => expect(scoreOf({ spo2Percent })).toBe(points));

  it('air scores 0, supplemental oxygen 2', () => {
    expect(scoreOf({ onOxygen: false })).toBe(0);
    expect(scoreOf({ onOxygen: true })).toBe(2);
  });

  it.each([
    [90, 3],
    [91, 2],
    [100, 2],
    [101, 1],
    [110, 1],
    [111, 0],
    [219, 0],
    [220, 3],
  ])('systolic %i mmHg scores %i', (systolicMmhg, points) => expect(scoreOf({ systolicMmhg })).toBe(points));

  it.each([
    [40, 3],
    [41, 1],
    [50, 1],
    [51, 0],
    [90, 0],
    [91, 1],
    [110, 1],
    [111, 2],
    [130, 2],
    [131, 3],
  ])('pulse %i/min scores %i', (pulseBpm, points) => expect(scoreOf({ pulseBpm })).toBe(points));

  it('alert scores 0, new confusion/V/P/U 3', () => expect(scoreOf({ consciousness: 'CVPU' })).toBe(3));

  it.each([
    [35.0, 3],
    [35.1, 1],
    [36.0, 1],
    [36.1, 0],
    [38.0, 0],
    [38.1, 1],
    [39.0, 1],
    [39.1, 2],
  ])('temperature %f °C scores %i', (temperatureC, points) => expect(scoreOf({ temperatureC })).toBe(points));
});

describe('NEWS2 aggregate and clinical risk', () => {
  it('is LOW at 0-4 without a red score', () => expect(news2(calm)).toEqual({ score: 0, risk: 'LOW' }));

  it('is LOW_MEDIUM when a single parameter scores 3', () => expect(news2({ ...calm, consciousness: 'CVPU' })).toEqual({ score: 3, risk: 'LOW_MEDIUM' }));

  it('is MEDIUM at 5-6 and HIGH at 7 or more', () => {
    // RR 22 (2) + SpO2 94 (1) + oxygen (2) = 5
    expect(news2({ ...calm, respiratoryRate: 22, spo2Percent: 94, onOxygen: true })).toEqual({ score: 5, risk: 'MEDIUM' });
    // + pulse 115 (2) = 7
    expect(news2({ ...calm, respiratoryRate: 22, spo2Percent: 94, onOxygen: true, pulseBpm: 115 })).toEqual({ score: 7, risk: 'HIGH' });
  });

  it('sums every parameter of the sickest set to the maximum 20', () => {
    const worst: News2Input = { respiratoryRate: 30, spo2Percent: 85, onOxygen: true, systolicMmhg: 80, pulseBpm: 140, consciousness: 'CVPU', temperatureC: 34 };
    expect(news2(worst)).toEqual({ score: 20, risk: 'HIGH' });
  });

  it('is not scored when a parameter is missing', () => {
    expect(news2({ ...calm, temperatureC: undefined })).toBeUndefined();
    expect(news2({ ...calm, consciousness: undefined })).toBeUndefined();
  });
});
