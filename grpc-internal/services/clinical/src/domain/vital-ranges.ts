/**
 * The vital-sign measurements, their units, what is physiologically impossible (refused as
 * BAD_USER_INPUT: almost always a typing slip, e.g. 375 for 37.5 °C) and what is abnormal in an
 * adult (stored and flagged). Normal ranges follow the NEWS2 zero-score bands where NEWS2 has the
 * parameter; weight and height have no normal band.
 */

/** One measurement's rule. */
export interface VitalRule {
  /** How messages name it. */
  label: string;
  /** Unit shown with the value. */
  unit: string;
  /** Plausible values (inclusive); outside is refused. */
  plausible: readonly [number, number];
  /** Normal values (inclusive); outside is flagged abnormal. Absent: never flagged. */
  normal?: readonly [number, number];
  /** Whole numbers only. */
  integer: boolean;
}

/** The measurements a set may hold, keyed by their proto field names. */
export const VITAL_RULES = {
  temperatureC: { label: 'Temperature', unit: '°C', plausible: [25, 45], normal: [36.1, 38.0], integer: false },
  pulseBpm: { label: 'Pulse', unit: 'beats/min', plausible: [1, 300], normal: [51, 90], integer: true },
  systolicMmhg: { label: 'Systolic blood pressure', unit: 'mmHg', plausible: [30, 300], normal: [111, 219], integer: true },
  diastolicMmhg: { label: 'Diastolic blood pressure', unit: 'mmHg', plausible: [10, 200], normal: [40, 90], integer: true },
  respiratoryRate: { label: 'Respiratory rate', unit: 'breaths/min', plausible: [1, 80], normal: [12, 20], integer: true },
  spo2Percent: { label: 'SpO2', unit: '%', plausible: [30, 100], normal: [96, 100], integer: true },
  weightKg: { label: 'Weight', unit: 'kg', plausible: [0.2, 500], integer: false },
  heightCm: { label: 'Height', unit: 'cm', plausible: [20, 280], integer: false },
  painScore: { label: 'Pain score', unit: '0-10', plausible: [0, 10], normal: [0, 3], integer: true },
} as const satisfies Record<string, VitalRule>;

/** A measurement's name. */
export type VitalName = keyof typeof VITAL_RULES;

/** The measurement names, in display order. */
export const VITAL_NAMES = Object.keys(VITAL_RULES) as VitalName[];

/** A set of measurements (any may be missing). */
export type VitalValues = Partial<Record<VitalName, number>>;

/**
 * The first impossible value of a set, or undefined when every value is plausible.
 * @param values - the measurements
 */
export function firstImplausible(values: VitalValues): { name: VitalName; message: string } | undefined {
  for (const name of VITAL_NAMES) {
    const value = values[name];
    if (value === undefined) continue;
    const rule: VitalRule = VITAL_RULES[name];
    const [low, high] = rule.plausible;
    if (!Number.isFinite(value) || value < low || value > high) return { name, message: `${rule.label} must be between ${low} and ${high} ${rule.unit}.` };
    if (rule.integer && !Number.isInteger(value)) return { name, message: `${rule.label} must be a whole number.` };
  }
  return undefined;
}

/**
 * The measurements outside their normal range, in display order.
 * @param values - plausible measurements
 */
export function abnormalVitals(values: VitalValues): VitalName[] {
  return VITAL_NAMES.filter((name) => {
    const value = values[name];
    const rule: VitalRule = VITAL_RULES[name];
    return value !== undefined && rule.normal !== undefined && (value < rule.normal[0] || value > rule.normal[1]);
  });
}
