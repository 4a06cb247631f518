/**
 * Object-level rules for prescriptions, on top of the role admission in service.ts: a prescription
 * is withdrawn only by the doctor who wrote it. Another doctor's prescription is answered exactly
 * like an unknown id (NOT_FOUND), so the answer never confirms it exists, and the audit trail
 * records the refusal as a denied access against the patient.
 *
 * Admins may not cancel either: a cancellation is a clinical decision signed by a prescriber, and
 * an admin is not one. Pharmacists do not cancel; a pharmacist's refusal to dispense is a
 * rejection with a reason (ReviewPrescription), which the prescriber sees on the chart.
 */
import { denyObjectAccess, type Caller, type DomainError, type Logger } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';

/**
 * True when the caller wrote this prescription.
 * @param caller - the verified caller
 * @param prescriberId - the prescription's prescriber
 */
export function isPrescriberOf(caller: Caller, prescriberId: string): boolean {
  return caller.kind === 'user' && caller.userId === prescriberId;
}

/**
 * THE object-level refusal of the pharmacy: every prescription a caller may not act on passes
 * through here, to the kit's one object-access refusal (audit note, ids-only log line, the
 * NOT_FOUND an unknown id gets).
 * @param scope - the call (caller, logger, audit note)
 * @param prescription - what was refused, and whose it was
 */
export function denyPrescriptionAccess(
  scope: Pick<CallScope, 'caller' | 'noteDeniedAccess'> & { logger: Pick<Logger, 'warn'> },
  prescription: { id: string; patientId: string },
): DomainError {
  return denyObjectAccess(scope, { kind: 'prescription', id: prescription.id, patientId: prescription.patientId }, "another prescriber's prescription");
}
