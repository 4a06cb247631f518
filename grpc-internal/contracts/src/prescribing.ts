/**
 * The one set of prescribing rules (issue 14): dose units with the largest single dose that can be
 * meant, routes, and frequencies with their doses per day. The pharmacy service validates with
 * {@link structuredPrescriptionSchema}; the web form uses the same lists and schema, so the
 * message under a field is the one the API would answer. No runtime dependency but zod, so the
 * browser bundle can import it as `@hospital/grpc-contracts/prescribing`.
 */
import { z } from 'zod';
import { NO_CONTROL_CHARACTERS } from './text.ts';

/** Units a dose is written in; `max` is the largest single dose that is not certainly a slip. */
export const DOSE_UNITS = {
  MG: { label: 'mg', max: 5_000, counted: false },
  G: { label: 'g', max: 5, counted: false },
  MCG: { label: 'mcg', max: 10_000, counted: false },
  ML: { label: 'ml', max: 1_000, counted: false },
  UNITS: { label: 'units', max: 100_000, counted: false },
  TABLET: { label: 'tablet', max: 10, counted: true },
  CAPSULE: { label: 'capsule', max: 10, counted: true },
  PUFF: { label: 'puff', max: 10, counted: true },
  DROP: { label: 'drop', max: 20, counted: true },
  SACHET: { label: 'sachet', max: 4, counted: true },
  APPLICATION: { label: 'application', max: 4, counted: true },
} as const;

/** Routes of administration, with the words shown. */
export const ROUTES = {
  ORAL: 'by mouth',
  SUBLINGUAL: 'under the tongue',
  INHALED: 'inhaled',
  INTRAVENOUS: 'intravenous',
  INTRAMUSCULAR: 'intramuscular',
  SUBCUTANEOUS: 'subcutaneous',
  TOPICAL: 'on the skin',
  RECTAL: 'rectal',
  EYE: 'in the eye',
  EAR: 'in the ear',
  NASAL: 'in the nose',
} as const;

/** Frequencies; `perDay` is null when it cannot be counted (when needed), `once` for a single dose. */
export const FREQUENCIES = {
  ONCE_DAILY: { label: 'once a day', perDay: 1 },
  TWICE_DAILY: { label: 'twice a day', perDay: 2 },
  THREE_TIMES_DAILY: { label: 'three times a day', perDay: 3 },
  FOUR_TIMES_DAILY: { label: 'four times a day', perDay: 4 },
  EVERY_4_HOURS: { label: 'every 4 hours', perDay: 6 },
  EVERY_6_HOURS: { label: 'every 6 hours', perDay: 4 },
  EVERY_8_HOURS: { label: 'every 8 hours', perDay: 3 },
  EVERY_12_HOURS: { label: 'every 12 hours', perDay: 2 },
  AT_NIGHT: { label: 'at night', perDay: 1 },
  WEEKLY: { label: 'once a week', perDay: 1 / 7 },
  WHEN_NEEDED: { label: 'when needed', perDay: null },
  ONCE: { label: 'once only', perDay: null },
} as const;

/** A dose unit code. */
export type DoseUnitCode = keyof typeof DOSE_UNITS;
/** A route code. */
export type RouteCode = keyof typeof ROUTES;
/** A frequency code. */
export type FrequencyCode = keyof typeof FREQUENCIES;

const codes = <T extends object>(table: T) => Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];

/** Units counted one by one, beyond what a course needs by this much, are refused as a slip. */
const SPARE_UNITS = 28;

/**
 * A dose as written on the chart, e.g. "500 mg" or "2 tablets".
 * @param amount - the number
 * @param unit - its unit
 */
export function doseText(amount: number, unit: DoseUnitCode): string {
  const { label, counted } = DOSE_UNITS[unit];
  return `${amount} ${label}${counted && amount !== 1 ? 's' : ''}`;
}

/**
 * A frequency as written on the chart, with the doctor's directions after it.
 * @param frequency - the code
 * @param directions - free text "as directed", or nothing
 */
export function frequencyText(frequency: FrequencyCode, directions?: string): string {
  return directions ? `${FREQUENCIES[frequency].label}; as directed: ${directions}` : FREQUENCIES[frequency].label;
}

/** A structured prescription's fields (the drug and patient aside), named as in the API's input. */
export const structuredPrescriptionShape = {
  doseAmount: z.number({ error: 'Dose must be a number.' }).finite('Dose must be a number.').positive('Dose must be more than zero.'),
  doseUnit: z.enum(codes(DOSE_UNITS), { error: 'Choose the unit of the dose from the list.' }),
  route: z.enum(codes(ROUTES), { error: 'Choose the route from the list.' }),
  frequencyCode: z.enum(codes(FREQUENCIES), { error: 'Choose how often from the list.' }),
  directions: z
    .string()
    .trim()
    .max(200, 'Directions must be at most 200 characters.')
    .regex(NO_CONTROL_CHARACTERS, 'Directions must not contain control characters.')
    .optional()
    .transform((text) => (text ? text : undefined)),
  durationDays: z.number().int('Days must be a whole number.').min(1, 'Days must be at least 1.').max(365, 'Days must be at most 365.'),
  quantity: z.number().int('Quantity must be a whole number.').min(1, 'Quantity must be at least 1.').max(10_000, 'Quantity must be at most 10000.'),
};

type StructuredFields = z.output<z.ZodObject<typeof structuredPrescriptionShape>>;

/**
 * The rules across fields: a dose within its unit's largest, counted units in halves, a single
 * dose on one day, and no quantity far beyond what the course needs.
 * @param p - the fields, each already valid on its own
 * @param ctx - where to add the issues
 */
export function checkStructuredPrescription(p: StructuredFields, ctx: z.RefinementCtx): void {
  const unit = DOSE_UNITS[p.doseUnit];
  if (p.doseAmount > unit.max) {
    ctx.addIssue({ code: 'custom', path: ['doseAmount'], message: `${doseText(p.doseAmount, p.doseUnit)} in one dose is not possible: at most ${unit.max} ${unit.label}.` });
  }
  if (unit.counted && !Number.isInteger(p.doseAmount * 2)) {
    ctx.addIssue({ code: 'custom', path: ['doseAmount'], message: `A dose in ${unit.label}s is a whole or half number.` });
  }
  if (p.frequencyCode === 'ONCE' && p.durationDays !== 1) {
    ctx.addIssue({ code: 'custom', path: ['durationDays'], message: 'A single dose lasts 1 day.' });
  }
  // "When needed" is bounded by the most a day can take (every 4 hours) for the quantity check.
  const perDay = FREQUENCIES[p.frequencyCode].perDay ?? (p.frequencyCode === 'WHEN_NEEDED' ? 6 : null);
  const needed = p.frequencyCode === 'ONCE' ? p.doseAmount : perDay === null ? null : Math.ceil(p.doseAmount * perDay * p.durationDays);
  if (unit.counted && needed !== null && p.quantity > Math.max(needed * 2, needed + SPARE_UNITS)) {
    ctx.addIssue({
      code: 'custom',
      path: ['quantity'],
      message: `Quantity ${p.quantity} is far more than the course needs (${needed} ${unit.label}s for ${doseText(p.doseAmount, p.doseUnit)} ${FREQUENCIES[p.frequencyCode].label} for ${p.durationDays} days).`,
    });
  }
}

/** A structured prescription's fields with the rules across them. */
export const structuredPrescriptionSchema = z.object(structuredPrescriptionShape).superRefine(checkStructuredPrescription);

/** A structured prescription as validated. */
export type StructuredPrescription = z.output<typeof structuredPrescriptionSchema>;
