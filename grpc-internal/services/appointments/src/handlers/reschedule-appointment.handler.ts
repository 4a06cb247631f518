/** RescheduleAppointment: a SCHEDULED appointment moves to another slot, under the same clash rules. */
import type { Appointment, RescheduleAppointmentRequest__Output } from '@hospital/grpc-contracts';
import { notFound, parseRequest, actingUserId } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { AppointmentsDeps } from '../appointments-deps.ts';
import { denyAppointmentAccess, maySeeAppointment } from '../domain/appointment-access.ts';
import { assertReschedulable } from '../domain/appointment-status.ts';
import { assertBookableSlot } from '../domain/slot-rules.ts';
import { SlotTakenError } from '../repositories/appointment-repository.ts';
import { rescheduleAppointmentSchema } from './reschedule-appointment.schema.ts';
import { slotConflict } from './slot-conflict.ts';
import { toProtoAppointment } from './to-proto-appointment.ts';

/**
 * Moves an appointment. Ownership (a colleague's appointment is NOT_FOUND to a doctor) and status are checked on the locked row; the new slot is
 * checked by the exclusion constraints (the appointment's own old slot does not count).
 * @param request - id and new slot
 * @param deps - storage and clock
 * @param scope - the caller
 */
export async function rescheduleAppointmentHandler(request: RescheduleAppointmentRequest__Output, deps: AppointmentsDeps, scope: CallScope): Promise<Appointment> {
  const { id, startsAt, endsAt } = parseRequest(rescheduleAppointmentSchema, request);
  const now = deps.now();
  const slot = { startsAt, endsAt };
  assertBookableSlot(slot, now);
  let owners: { doctorId: string; patientId: string } | undefined;
  try {
    const record = await deps.appointments.change(
      id,
      (current) => {
        if (!maySeeAppointment(scope.caller, current.doctorId))
          throw denyAppointmentAccess(scope.caller, scope.logger, id, { patientId: current.patientId, noteDenied: scope.noteDeniedAccess });
        owners = current;
        assertReschedulable(current.status);
        return { kind: 'reschedule', slot };
      },
      { actorId: actingUserId(scope.caller), at: now },
    );
    if (!record) throw notFound('No appointment with this id.');
    scope.logger.info({ appointmentId: id }, 'appointment rescheduled');
    return toProtoAppointment(record);
  } catch (error) {
    if (error instanceof SlotTakenError && owners) throw await slotConflict(error, owners, slot, deps.appointments, id);
    throw error;
  }
}
