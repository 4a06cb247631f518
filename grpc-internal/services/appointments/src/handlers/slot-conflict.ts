/**
 * Turning a clash the database refused into the CONFLICT a client sees. The message names the
 * slot that is in the way (its times only: the other appointment's patient is none of the
 * caller's business).
 */
import { conflict, type DomainError } from '@hospital/service-kit';
import { describeSlot, type Slot } from '../domain/slot-rules.ts';
import type { AppointmentRepository, SlotTakenError } from '../repositories/appointment-repository.ts';

/**
 * The CONFLICT for a refused slot, naming the clashing appointment's times when it still exists.
 * @param clash - the repository's error (which side clashed)
 * @param owners - the doctor and patient of the booking
 * @param slot - the slot asked for
 * @param appointments - storage, to look the clashing appointment up after the refusal
 * @param excludeId - the appointment being rescheduled (it cannot clash with itself)
 */
export async function slotConflict(
  clash: SlotTakenError,
  owners: { doctorId: string; patientId: string },
  slot: Slot,
  appointments: Pick<AppointmentRepository, 'findClash'>,
  excludeId?: string,
): Promise<DomainError> {
  const ownerId = clash.side === 'doctor' ? owners.doctorId : owners.patientId;
  const clashing = await appointments.findClash(clash.side, ownerId, slot, excludeId);
  const who = clash.side === 'doctor' ? 'The doctor' : 'The patient';
  // The clashing appointment may have been cancelled since; the slot was still taken when we tried.
  return conflict(clashing ? `${who} already has an appointment ${describeSlot(clashing)}.` : `${who} already had an appointment overlapping this slot.`);
}
