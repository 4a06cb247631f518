/** BookAppointment: a new appointment, refused by the database if either side is already booked. */
import type { Appointment, BookAppointmentRequest__Output } from '@hospital/grpc-contracts';
import { parseRequest, actingUserId } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { AppointmentsDeps } from '../appointments-deps.ts';
import { bookingDoctor } from '../domain/appointment-access.ts';
import { assertBookableSlot } from '../domain/slot-rules.ts';
import { SlotTakenError } from '../repositories/appointment-repository.ts';
import { bookAppointmentSchema } from './book-appointment.schema.ts';
import { slotConflict } from './slot-conflict.ts';
import { toProtoAppointment } from './to-proto-appointment.ts';

/**
 * Books an appointment. The order is cheapest check first: the request, the slot rules and who
 * may book for whom; then the patients and identity services; then the insert, where the
 * exclusion constraints decide clashes atomically (no read-then-write window).
 * @param request - patient, doctor, slot, reason
 * @param deps - storage, participant checks, clock
 * @param scope - the caller
 */
export async function bookAppointmentHandler(request: BookAppointmentRequest__Output, deps: AppointmentsDeps, scope: CallScope): Promise<Appointment> {
  const { patientId, doctorId: requested, startsAt, endsAt, reason } = parseRequest(bookAppointmentSchema, request);
  const now = deps.now();
  assertBookableSlot({ startsAt, endsAt }, now);
  const doctorId = bookingDoctor(scope.caller, requested);
  await Promise.all([deps.participants.assertBookablePatient(patientId, scope), deps.participants.assertActiveDoctor(doctorId, scope)]);
  const booking = { patientId, doctorId, startsAt, endsAt, reason };
  try {
    const record = await deps.appointments.book(booking, { actorId: actingUserId(scope.caller), at: now });
    scope.logger.info({ appointmentId: record.id, doctorId, patientId }, 'appointment booked');
    return toProtoAppointment(record);
  } catch (error) {
    if (error instanceof SlotTakenError) throw await slotConflict(error, booking, booking, deps.appointments);
    throw error;
  }
}
