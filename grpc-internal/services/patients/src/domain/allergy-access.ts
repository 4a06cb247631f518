/**
 * Who may change a patient's allergy list: staff caring for the patient. Other details (phone,
 * address) stay open to every clinical writer; allergies decide what may be prescribed, so a
 * change needs a care relationship, by the service kit's one rule (`care/care-rule.ts`, also the
 * clinical record's):
 * - an admin, or one of the system's own services;
 * - a doctor with a booked, checked-in or completed appointment with the patient;
 * - ward staff assigned to the ward the patient is admitted to now.
 * Anyone else is FORBIDDEN (they may read the patient, so NOT_FOUND would be a lie), and the
 * audit trail records the refusal as a denied write of the patient.
 */
import { caresForPatient, forbidden, type CareDirectory } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';

/**
 * Throws FORBIDDEN unless the caller cares for the patient.
 * @param patientId - whose allergies
 * @param care - the care relationships, asked of appointments and ward
 * @param scope - the call (caller, identity to forward, logger)
 */
export async function assertMayChangeAllergies(patientId: string, care: CareDirectory, scope: Pick<CallScope, 'caller' | 'identityToken' | 'requestId' | 'logger'>): Promise<void> {
  const { caller } = scope;
  if (await caresForPatient(caller, patientId, care, scope)) return;
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
