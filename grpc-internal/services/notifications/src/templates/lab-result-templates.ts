/**
 * What a lab result event tells the ordering doctor, in their in-app inbox only: the patient (name
 * and MRN), the test, the value with its unit, the flag and the reference range. A critical result
 * says CRITICAL first in the title; an amended one says "amended" and what it replaced. No email
 * or SMS carries any of it (the channel rule of appointment-templates.ts: nothing clinical and no
 * patient name leaves the hospital's own app). Pure, so every wording is unit-tested.
 */
import type { LabResultEvent, LabResultFlag } from '@hospital/grpc-contracts';
import type { RenderedMessage } from './appointment-templates.ts';
import { formatInstant } from './format-when.ts';

/** The flag as the doctor reads it. */
const FLAG_TEXT: Record<LabResultFlag, string> = {
  NORMAL: 'normal',
  LOW: 'LOW',
  HIGH: 'HIGH',
  CRITICAL_LOW: 'CRITICAL LOW',
  CRITICAL_HIGH: 'CRITICAL HIGH',
};

/**
 * True for a flag outside the critical range.
 * @param flag - the result's flag
 */
export const isCriticalFlag = (flag: LabResultFlag): boolean => flag === 'CRITICAL_LOW' || flag === 'CRITICAL_HIGH';

/** Numbers as entered: no trailing zeros, no exponent for lab-sized values. */
const num = (value: number) => String(Number(value.toFixed(4)));

/**
 * The in-app notification of a lab result.
 * @param event - the validated lab result event
 * @param patient - name and MRN of the patient, null when the patients department does not know them
 * @param timeZone - IANA zone the result time is shown in
 */
export function renderLabResult(event: LabResultEvent, patient: { name: string; mrn: string } | null, timeZone: string): RenderedMessage {
  const result = event.labResult;
  const amended = event.type === 'LAB_RESULT_AMENDED';
  const critical = isCriticalFlag(result.flag);
  const title = `${critical ? 'CRITICAL: ' : ''}${amended ? 'Amended lab result' : 'Lab result'}: ${result.testName}${result.flag === 'NORMAL' ? '' : ` ${FLAG_TEXT[result.flag]}`}`;
  const who = patient ? `${patient.name} (MRN ${patient.mrn})` : 'Patient (not found in the patient register)';
  const value = `${result.testName} ${num(result.value)} ${result.unit}`.trim();
  const range = `reference ${num(result.referenceLow)}–${num(result.referenceHigh)} ${result.unit}`.trim();
  const lines = [`${who}: ${value}, ${FLAG_TEXT[result.flag]} (${range}).`];
  if (amended && result.amends) lines.push(`Amended: replaces ${num(result.amends.value)} ${result.unit} (${FLAG_TEXT[result.amends.flag]}).`.replace(' ()', ''));
  lines.push(`Resulted ${formatInstant(result.resultedAt, timeZone)}.`);
  return { subject: title, body: lines.join(' ') };
}
