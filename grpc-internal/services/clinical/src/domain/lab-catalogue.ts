/**
 * The lab test catalogue: data shipped in the repository (`data/lab-catalogue.json`; LOINC codes,
 * adult reference and critical ranges, see its `source`). Imported, not read from disk, so the
 * production bundle carries it. Results are checked against the test's unit and plausible range
 * and flagged against its reference and critical ranges.
 */
import catalogue from '../../data/lab-catalogue.json' with { type: 'json' };

/** One catalogue test. */
export interface LabTestEntry {
  loincCode: string;
  name: string;
  unit: string;
  referenceLow: number;
  referenceHigh: number;
  /** At or below: critical; undefined when no low value is. */
  criticalLow?: number;
  /** At or above: critical; undefined when no high value is. */
  criticalHigh?: number;
  /** Above this a value is a typo, not a result. */
  plausibleMax: number;
}

/** How a result compares with its test's ranges. */
export type LabFlag = 'NORMAL' | 'LOW' | 'HIGH' | 'CRITICAL_LOW' | 'CRITICAL_HIGH';

/** Every test, in catalogue order. */
export const LAB_TESTS: readonly LabTestEntry[] = catalogue.tests;

const BY_CODE = new Map(LAB_TESTS.map((test) => [test.loincCode, test]));

/**
 * The catalogue's test for a LOINC code, or undefined.
 * @param loincCode - as 718-7
 */
export function findLabTest(loincCode: string): LabTestEntry | undefined {
  return BY_CODE.get(loincCode.trim());
}

/**
 * Why a value cannot be a result of the test (unit or range), or undefined when it can.
 * @param test - the ordered test
 * @param value - the value entered
 * @param unit - the unit entered (case and surrounding spaces forgiven)
 */
export function implausibleResult(test: LabTestEntry, value: number, unit: string): { field: 'value' | 'unit'; message: string } | undefined {
  if (unit.trim().toLowerCase() !== test.unit.toLowerCase()) return { field: 'unit', message: `${test.name} is reported in ${test.unit}.` };
  if (!Number.isFinite(value) || value < 0 || value > test.plausibleMax)
    return { field: 'value', message: `${test.name} must be between 0 and ${test.plausibleMax} ${test.unit}.` };
  return undefined;
}

/**
 * Flags a value against the test's critical and reference ranges (critical first).
 * @param test - the test
 * @param value - a plausible value in the test's unit
 */
export function flagResult(test: LabTestEntry, value: number): LabFlag {
  if (test.criticalLow !== undefined && value <= test.criticalLow) return 'CRITICAL_LOW';
  if (test.criticalHigh !== undefined && value >= test.criticalHigh) return 'CRITICAL_HIGH';
  if (value < test.referenceLow) return 'LOW';
  if (value > test.referenceHigh) return 'HIGH';
  return 'NORMAL';
}
