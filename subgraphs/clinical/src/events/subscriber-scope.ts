/**
 * Which clinical events one subscriber may follow: the subscriptions' object-level rules, kept
 * apart from the transport so they can be tested on their own. The role gates are `@auth` on the
 * fields; within them, who may see a patient and which wards a caller may follow are answered by
 * the departments that own those rules (the clinical service reading the patient's record on the
 * caller's behalf, the ward department's assignments), never decided here.
 */
import { GraphQLError } from 'graphql';
import type { Caller } from '@hospital/service-kit';
import type { ClinicalEvent, LabResultEvent, VitalsEvent } from '@hospital/grpc-contracts';

/** The wards a caller may follow, as the ward department answers it. */
export type FollowableWards = { everyWard: true } | { everyWard: false; wardIds: ReadonlySet<string> };

/** The rules' owners, asked on the subscriber's behalf. */
export interface ScopeQuestions {
  /** True when the caller may see the patient's clinical record. */
  maySeePatient(patientId: string): Promise<boolean>;
  /** The wards the caller may follow. */
  followableWards(): Promise<FollowableWards>;
}

const forbidden = (message: string) => new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
const same = (a: string | null | undefined, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

/** A lab result event (narrowed by type). */
export function isLabResultEvent(event: ClinicalEvent): event is LabResultEvent {
  return event.type === 'LAB_RESULT_ENTERED' || event.type === 'LAB_RESULT_AMENDED';
}

/** A vitals event, abnormal or not (narrowed by type). */
export function isVitalsEvent(event: ClinicalEvent): event is VitalsEvent {
  return !isLabResultEvent(event);
}

/**
 * The filter of one `labResultEvents` subscription, or FORBIDDEN.
 * Without a patient a doctor follows the results of tests they ordered (an admin every result);
 * naming a patient follows that patient's results when the caller may see the patient.
 * @param caller - the verified caller (ADMIN or DOCTOR: `@auth` let them in)
 * @param args - the subscription's arguments
 * @param ask - the rules' owners
 */
export async function labResultFilter(caller: Caller, args: { patientId?: string | null }, ask: Pick<ScopeQuestions, 'maySeePatient'>): Promise<(event: ClinicalEvent) => boolean> {
  const { patientId } = args;
  if (patientId) {
    if (!(await ask.maySeePatient(patientId))) throw forbidden("You may not follow this patient's lab results.");
    return (event) => isLabResultEvent(event) && same(event.patientId, patientId);
  }
  if (caller.kind === 'user' && caller.role === 'doctor') {
    const doctorId = caller.userId;
    return (event) => isLabResultEvent(event) && same(event.labResult.orderedById, doctorId);
  }
  return isLabResultEvent;
}

/**
 * The filter of one `wardVitalsEvents` subscription, or FORBIDDEN: the named ward when the caller
 * may follow it, else every ward they may follow. Events of patients on no ward are never sent.
 * @param args - the subscription's arguments
 * @param ask - the rules' owners
 */
export async function wardVitalsFilter(args: { wardId?: string | null }, ask: Pick<ScopeQuestions, 'followableWards'>): Promise<(event: ClinicalEvent) => boolean> {
  const wards = await ask.followableWards();
  const mayFollow = (wardId: string) => wards.everyWard || [...wards.wardIds].some((id) => same(id, wardId));
  const { wardId } = args;
  if (wardId && !mayFollow(wardId)) throw forbidden('You may follow only the wards you are assigned to.');
  return (event) => isVitalsEvent(event) && event.wardId !== null && (wardId ? same(event.wardId, wardId) : mayFollow(event.wardId));
}
