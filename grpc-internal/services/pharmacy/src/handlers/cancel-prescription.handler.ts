/** CancelPrescription: withdraw a prescription before it is dispensed. */
import type { CancelPrescriptionRequest__Output, Prescription } from '@hospital/grpc-contracts';
import { notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { denyPrescriptionAccess, isPrescriberOf } from '../domain/prescription-access.ts';
import { transition } from '../domain/prescription-status.ts';
import type { PharmacyDeps } from '../pharmacy-deps.ts';
import { cancelPrescriptionSchema } from './cancel-prescription.schema.ts';
import { clinicianOf } from './pharmacy-fields.schema.ts';
import { toProtoPrescription } from './to-proto.ts';

/**
 * Cancels a pending prescription under a row lock, so it cannot race a dispensing: whichever
 * comes second sees the other's outcome (dispensed: BAD_USER_INPUT; cancelled twice: CONFLICT).
 * Only its prescriber may: anyone else gets the NOT_FOUND of an unknown id, whatever its status.
 * @param request - id and reason
 * @param deps - prescriptions and clock
 * @param scope - the caller and logger
 */
export async function cancelPrescriptionHandler(
  request: CancelPrescriptionRequest__Output,
  deps: Pick<PharmacyDeps, 'prescriptions' | 'now'>,
  scope: CallScope,
): Promise<Prescription> {
  const { id, reason } = parseRequest(cancelPrescriptionSchema, request);
  const by = clinicianOf(scope, 'cancel a prescription');
  const cancelled = await deps.prescriptions.cancel({
    id,
    by,
    reason,
    at: deps.now(),
    check: (locked) => {
      if (!isPrescriberOf(scope.caller, locked.prescriberId)) throw denyPrescriptionAccess(scope, locked);
      transition(locked.status, 'cancel');
    },
  });
  if (!cancelled) throw notFound('No prescription with this id.');
  scope.logger.info({ prescriptionId: id }, 'prescription cancelled');
  return toProtoPrescription(cancelled);
}
