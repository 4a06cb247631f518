/**
 * What a lab result event tells the ordering doctor, in their in-app inbox only: that a result of
 * a test they ordered arrived, when, whether it is critical and whether it amends an earlier one.
 * Like the appointment messages (appointment-templates.ts), the stored text names no patient and
 * carries no clinical detail (no MRN, test, value, unit or flag): a stored notification is read
 * later by whoever holds that inbox then (a doctor who changes role keeps it). The patient and the
 * result are read through the lab order, checked at read time. Pure, so every wording is unit-tested.
 */
import type { LabResultEvent, LabResultFlag } from '@hospital/grpc-contracts';
import type { RenderedMessage } from './appointment-templates.ts';
import { formatInstant } from './format-when.ts';

/**
 * True for a flag outside the critical range.
 * @param flag - the result's flag
 */
export const isCriticalFlag = (flag: LabResultFlag): boolean => flag === 'CRITICAL_LOW' || flag === 'CRITICAL_HIGH';

/**
 * The title: urgency (critical) and kind (amended), nothing else about the result.
 * @param event - the validated lab result event
 */
function labTitle(event: LabResultEvent): string {
  if (isCriticalFlag(event.labResult.flag)) return event.type === 'LAB_RESULT_AMENDED' ? 'Critical amended lab result to review' : 'Critical lab result to review';
  return event.type === 'LAB_RESULT_AMENDED' ? 'Amended lab result to review' : 'Lab result to review';
}

/**
 * The in-app notification of a lab result.
 * @param event - the validated lab result event
 * @param timeZone - IANA zone the result time is shown in
 */
export function renderLabResult(event: LabResultEvent, timeZone: string): RenderedMessage {
  const what = event.type === 'LAB_RESULT_AMENDED' ? 'An amended result' : 'A result';
  return { subject: labTitle(event), body: `${what} of a test you ordered arrived at ${formatInstant(event.labResult.resultedAt, timeZone)}.` };
}
