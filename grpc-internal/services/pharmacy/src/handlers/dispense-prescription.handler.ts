/** DispensePrescription: take the units from the first-expiring lots, all or nothing. */
import type { DispensePrescriptionRequest__Output, Prescription } from '@hospital/grpc-contracts';
import { conflict, notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { utcDay } from '../domain/calendar.ts';
import { allocateFefo } from '../domain/fefo-allocation.ts';
import { transition } from '../domain/prescription-status.ts';
import type { PharmacyDeps } from '../pharmacy-deps.ts';
import { dispensePrescriptionSchema } from './dispense-prescription.schema.ts';
import { clinicianOf } from './pharmacy-fields.schema.ts';
import { toProtoPrescription } from './to-proto.ts';

/**
 * Dispenses a pending prescription in one transaction: with the prescription and the drug's lots
 * locked, it checks the transition (already dispensed: CONFLICT; cancelled: BAD_USER_INPUT),
 * allocates first-expiry-first from unexpired lots (short: CONFLICT, nothing taken), takes the
 * units and records the ledger and the lots used.
 * @param request - the prescription id
 * @param deps - prescriptions and clock
 * @param scope - the caller (the dispensing pharmacist) and logger
 */
export async function dispensePrescriptionHandler(
  request: DispensePrescriptionRequest__Output,
  deps: Pick<PharmacyDeps, 'prescriptions' | 'now'>,
  scope: CallScope,
): Promise<Prescription> {
  const { id } = parseRequest(dispensePrescriptionSchema, request);
  const pharmacistId = clinicianOf(scope, 'dispense');
  const at = deps.now();
  const today = utcDay(at);
  const dispensed = await deps.prescriptions.dispense({
    id,
    by: pharmacistId,
    at,
    today,
    allocate(prescription, lots) {
      transition(prescription.status, 'dispense');
      const result = allocateFefo(lots, prescription.quantity, today);
      if (!result.ok) {
        throw conflict(`Not enough stock to dispense: ${prescription.quantity} units needed, ${result.available} available in unexpired lots.`);
      }
      return result.allocations;
    },
  });
  if (!dispensed) throw notFound('No prescription with this id.');
  scope.logger.info({ prescriptionId: id, lots: dispensed.dispensations.map((d) => d.lotId) }, 'prescription dispensed');
  return toProtoPrescription(dispensed);
}
