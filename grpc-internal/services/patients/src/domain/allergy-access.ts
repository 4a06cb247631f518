/**
 * Who may change a patient's allergy list: staff caring for the patient. Other details (phone,
 * address) stay open to every clinical writer; allergies decide what may be prescribed, so a
 * change needs a care relationship:
 * - an admin, or one of the system's own services;
 * - a doctor with a booked, checked-in or completed appointment with the patient;
 * - ward staff assigned to the ward the patient is admitted to now.
 * Anyone else is FORBIDDEN (they may read the patient, so NOT_FOUND would be a lie), and the
 * audit trail records the refusal as a denied write of the patient.
 */
import { forbidden } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { CareDirectory } from '../care/care-directory.ts';

/**
 * Throws FORBIDDEN unless the caller cares for the patient.
 * @param patientId - whose allergies
 * @param care - the care relationships, asked of appointments and ward
 * @param scope - the call (caller, identity to forward, logger)
 */
export async function assertMayChangeAllergies(patientId: string, care: CareDirectory, scope: Pick<CallScope, 'caller' | 'identityToken' | 'requestId' | 'logger'>): Promise<void> {
  const { caller } = scope;
  if (caller.kind === 'service' || (caller.kind === 'user' && caller.role === 'admin')) return;
  if (caller.kind === 'user' && caller.role === 'doctor' && (await care.doctorSeesPatient(caller.userId, patientId, scope))) return;
  if (caller.kind === 'user' && caller.role === 'ward_staff' && (await care.wardHoldsPatient(patientId, scope))) return;
  scope.logger.warn({ patientId, userId: caller.kind === 'user' ? caller.userId : undefined }, 'allergy change refused: no care relationship');
  throw forbidden('Only staff caring for this patient may change their allergies: their doctor, the staff of the ward they are on, or an admin.');
}

/**
 * Who a change is recorded as: the user and their role, or `service:<name>`.
 * @param scope - the call
 */
export function changeAuthorOf(scope: Pick<CallScope, 'caller'>): { by: string; role: string | null } {
  const { caller } = scope;
  if (caller.kind === 'user') return { by: caller.userId, role: caller.role };
  if (caller.kind === 'service') return { by: `service:${caller.service}`, role: null };
  throw forbidden();
}
