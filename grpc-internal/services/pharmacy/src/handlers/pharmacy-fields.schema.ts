/**
 * Field rules shared by the pharmacy's requests. Free text is trimmed and refused when it
 * carries control characters (labels and dispensing slips are printed).
 */
import { z } from 'zod';
import { forbidden, protoEnumSchema } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { isPharmacyDay } from '../domain/calendar.ts';
import { PRESCRIPTION_STATUS_ENUM } from '../domain/prescription-status.ts';

/**
 * A whole number in a range.
 * @param label - how the message names the field
 * @param min - smallest allowed
 * @param max - largest allowed
 */
export const intSchema = (label: string, min: number, max: number) =>
  z.number().int(`${label} must be a whole number.`).min(min, `${label} must be at least ${min}.`).max(max, `${label} must be at most ${max}.`);

/**
 * A calendar date, YYYY-MM-DD.
 * @param label - how the message names the field
 */
export const daySchema = (label: string) => z.string().trim().refine(isPharmacyDay, `${label} must be a calendar date written YYYY-MM-DD.`);

/** A prescription status filter: unspecified means any status. */
export const statusFilterSchema = protoEnumSchema(PRESCRIPTION_STATUS_ENUM, { unspecified: 'any', message: 'Unknown prescription status.' });

/**
 * Who to record as having moved stock: the user, or the service acting on its own behalf.
 * @param scope - the call
 */
export function actorOf(scope: Pick<CallScope, 'caller'>): string {
  const { caller } = scope;
  if (caller.kind === 'user') return caller.userId;
  if (caller.kind === 'service') return `service:${caller.service}`;
  throw forbidden();
}

/**
 * The signed-in user a clinical record must name (prescriber, dispensing pharmacist); services
 * and anonymous callers cannot sign a prescription.
 * @param scope - the call
 * @param what - what needs a person, for the message
 */
export function clinicianOf(scope: Pick<CallScope, 'caller'>, what: string): string {
  if (scope.caller.kind !== 'user') throw forbidden(`Only a signed-in member of staff may ${what}.`);
  return scope.caller.userId;
}
