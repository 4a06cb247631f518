import { describe, expect, it } from 'vitest';
import { findLabTest, flagResult, implausibleResult, LAB_TESTS } from './lab-catalogue.ts';

describe('lab catalogue', () => {
  it('ships the common tests with units and ranges', () => {
    expect(LAB_TESTS.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Haemoglobin', 'White cell count', 'Platelets', 'Sodium', 'Potassium', 'Creatinine', 'Glucose', 'C-reactive protein']),
    );
    for (const test of LAB_TESTS) {
      expect(test.loincCode).toMatch(/^\d{1,7}-\d$/);
      expect(test.referenceLow).toBeLessThanOrEqual(test.referenceHigh);
      if (test.criticalLow !== undefined) expect(test.criticalLow).toBeLessThan(test.referenceLow);
      if (test.criticalHigh !== undefined) expect(test.criticalHigh).toBeGreaterThan(test.referenceHigh);
    }
  });

  it('flags against the reference and critical ranges', () => {
    const potassium = findLabTest('2823-3')!;
    expect([4.0, 3.4, 5.2, 2.5, 6.5, 7].map((v) => flagResult(potassium, v))).toEqual(['NORMAL', 'LOW', 'HIGH', 'CRITICAL_LOW', 'CRITICAL_HIGH', 'CRITICAL_HIGH']);
    const crp = findLabTest('1988-5')!;
    expect([0, 4, 300].map((v) => flagResult(crp, v))).toEqual(['NORMAL', 'NORMAL', 'HIGH']);
  });

  it('refuses a wrong unit and an impossible value, forgiving case', () => {
    const sodium = findLabTest('2951-2')!;
    expect(implausibleResult(sodium, 140, ' MMOL/l ')).toBeUndefined();
    expect(implausibleResult(sodium, 140, 'mg/dL')?.field).toBe('unit');
    expect(implausibleResult(sodium, 1400, 'mmol/L')?.field).toBe('value');
    expect(implausibleResult(sodium, -1, 'mmol/L')?.field).toBe('value');
    expect(implausibleResult(sodium, Number.NaN, 'mmol/L')?.field).toBe('value');
    expect(findLabTest('0000-0')).toBeUndefined();
  });
});
