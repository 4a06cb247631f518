/**
 * Validation of PrescribeRequest. A request naming a dose unit is structured: its numbers and
 * codes are checked by the shared prescribing rules (@hospital/grpc-contracts/prescribing, which
 * the web form uses too) and the chart's dose and frequency are written from them. Otherwise the
 * older free-text dose and frequency are taken, but a dose written as "<number> <unit>" in a known
 * unit is still held to that unit's largest dose ("5000 g" is refused either way).
 */
import { z } from 'zod';
import { requiredTextSchema, uuidSchema } from '@hospital/service-kit';
import { checkStructuredPrescription, DOSE_UNITS, doseText, frequencyText, structuredPrescriptionShape, type DoseUnitCode } from '@hospital/grpc-contracts/prescribing';
import { intSchema } from './pharmacy-fields.schema.ts';

/** An empty (or blank) override reason means "no override". */
const overrideSchema = z
  .string()
  .trim()
  .default('')
  .transform((reason) => (reason === '' ? undefined : reason))
  .pipe(requiredTextSchema('Allergy override reason', 500).optional());

const UNIT_OF_LABEL = new Map<string, DoseUnitCode>(Object.entries(DOSE_UNITS).map(([code, unit]) => [unit.label, code as DoseUnitCode]));

/** A free-text dose such as "5000 g": when it reads as a number and a known unit, within that unit's largest dose. */
const legacyDoseSchema = requiredTextSchema('Dose', 100).superRefine((dose, ctx) => {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]+?)s?$/i.exec(dose);
  const unit = match ? UNIT_OF_LABEL.get(match[2]!.toLowerCase()) : undefined;
  if (!match || !unit) return;
  const amount = Number(match[1]);
  if (amount <= 0) ctx.addIssue({ code: 'custom', message: 'Dose must be more than zero.' });
  else if (amount > DOSE_UNITS[unit].max)
    ctx.addIssue({ code: 'custom', message: `${doseText(amount, unit)} in one dose is not possible: at most ${DOSE_UNITS[unit].max} ${DOSE_UNITS[unit].label}.` });
});

/** The older free-text form (no dose unit named). */
export const legacyPrescribeSchema = z
  .object({
    patientId: uuidSchema,
    drugId: uuidSchema,
    dose: legacyDoseSchema,
    frequency: requiredTextSchema('Frequency', 100),
    durationDays: intSchema('Duration', 1, 365),
    quantity: intSchema('Quantity', 1, 10_000),
    allergyOverrideReason: overrideSchema,
  })
  .transform((fields) => ({ ...fields, route: null as string | null }));

/**
 * The structured form, under the API's own field names: the stored dose and frequency are
 * written from the codes, with the doctor's directions after the frequency.
 */
export const structuredPrescribeSchema = z
  .object({ patientId: uuidSchema, drugId: uuidSchema, allergyOverrideReason: overrideSchema, ...structuredPrescriptionShape })
  .superRefine(checkStructuredPrescription)
  .transform(({ doseAmount, doseUnit, frequencyCode, directions, route, ...rest }) => ({
    ...rest,
    route: route,
    dose: doseText(doseAmount, doseUnit),
    frequency: frequencyText(frequencyCode, directions),
  }));
