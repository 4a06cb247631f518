/** ReviewPrescription: a pharmacist queries or rejects a pending prescription, with a reason. */
import type { Prescription, ReviewPrescriptionRequest__Output } from '@hospital/grpc-contracts';
import { invalidInput, notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { transition } from '../domain/prescription-status.ts';
import type { PharmacyDeps } from '../pharmacy-deps.ts';
import { clinicianOf } from './pharmacy-fields.schema.ts';
import { reviewPrescriptionSchema } from './review-prescription.schema.ts';
import { toProtoPrescription } from './to-proto.ts';

/**
 * Under the prescription's row lock, so it cannot race a dispensing or a cancellation: a QUERY
 * leaves it pending with the pharmacist's question for the prescriber (asking again replaces it);
 * a REJECT cancels it with the reason. Either needs a pending prescription.
 * @param request - id, action and reason
 * @param deps - prescriptions and clock
 * @param scope - the caller (a pharmacist) and logger
 */
export async function reviewPrescriptionHandler(
  request: ReviewPrescriptionRequest__Output,
  deps: Pick<PharmacyDeps, 'prescriptions' | 'now'>,
  scope: CallScope,
): Promise<Prescription> {
  const { id, action, reason } = parseRequest(reviewPrescriptionSchema, request);
  const by = clinicianOf(scope, action === 'QUERY' ? 'query a prescription' : 'reject a prescription');
  const reviewed = await deps.prescriptions.review({
    id,
    review: { action, reason, by, at: deps.now() },
    check: (locked) => {
      if (action === 'REJECT') transition(locked.status, 'cancel');
      else if (locked.status !== 'pending') throw invalidInput(`A ${locked.status} prescription cannot be queried.`, 'id');
    },
  });
  if (!reviewed) throw notFound('No prescription with this id.');
  scope.logger.info({ prescriptionId: id, action }, 'prescription reviewed');
  return toProtoPrescription(reviewed);
}
