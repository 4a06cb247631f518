/**
 * CancelAppointment, CheckInAppointment, CompleteAppointment and MarkNoShow: one flow, four
 * target statuses. The transition table decides on the locked row, so two concurrent changes
 * to the same appointment are applied one after the other and the second sees the first.
 */
import type {
  Appointment,
  CancelAppointmentRequest__Output,
  CheckInAppointmentRequest__Output,
  CompleteAppointmentRequest__Output,
  MarkNoShowRequest__Output,
} from '@hospital/grpc-contracts';
import { notFound, parseRequest, actingUserId } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { AppointmentsDeps } from '../appointments-deps.ts';
import { denyAppointmentAccess, maySeeAppointment } from '../domain/appointment-access.ts';
import { assertTransition, type AppointmentStatus } from '../domain/appointment-status.ts';
import { appointmentIdSchema, cancelAppointmentSchema } from './change-status.schema.ts';
import { toProtoAppointment } from './to-proto-appointment.ts';

/** A status change: the target. Doctors change only their own appointments (check-in too). */
interface StatusChange {
  to: Exclude<AppointmentStatus, 'SCHEDULED'>;
}

async function changeStatus(id: string, change: StatusChange, reason: string | null, deps: AppointmentsDeps, scope: CallScope): Promise<Appointment> {
  const record = await deps.appointments.change(
    id,
    (current) => {
      // Checked on the locked row: a colleague's appointment is answered as unknown.
      if (!maySeeAppointment(scope.caller, current.doctorId))
        throw denyAppointmentAccess(scope.caller, scope.logger, id, { patientId: current.patientId, noteDenied: scope.noteDeniedAccess });
      assertTransition(current.status, change.to);
      return { kind: 'status', to: change.to, reason };
    },
    { actorId: actingUserId(scope.caller), at: deps.now() },
  );
  if (!record) throw notFound('No appointment with this id.');
  scope.logger.info({ appointmentId: id, status: change.to }, 'appointment status changed');
  return toProtoAppointment(record);
}

/**
 * Cancels a scheduled or checked-in appointment (its slot becomes free).
 * @param request - id and optional reason
 * @param deps - storage and clock
 * @param scope - the caller
 */
export async function cancelAppointmentHandler(request: CancelAppointmentRequest__Output, deps: AppointmentsDeps, scope: CallScope): Promise<Appointment> {
  const { id, reason } = parseRequest(cancelAppointmentSchema, request);
  return changeStatus(id, { to: 'CANCELLED' }, reason, deps, scope);
}

/**
 * Checks a patient in (reception and admins for any doctor's appointment; a doctor for their own).
 * @param request - the id
 * @param deps - storage and clock
 * @param scope - the caller
 */
export async function checkInAppointmentHandler(request: CheckInAppointmentRequest__Output, deps: AppointmentsDeps, scope: CallScope): Promise<Appointment> {
  const { id } = parseRequest(appointmentIdSchema, request);
  return changeStatus(id, { to: 'CHECKED_IN' }, null, deps, scope);
}

/**
 * Completes a checked-in appointment.
 * @param request - the id
 * @param deps - storage and clock
 * @param scope - the caller
 */
export async function completeAppointmentHandler(request: CompleteAppointmentRequest__Output, deps: AppointmentsDeps, scope: CallScope): Promise<Appointment> {
  const { id } = parseRequest(appointmentIdSchema, request);
  return changeStatus(id, { to: 'COMPLETED' }, null, deps, scope);
}

/**
 * Marks a scheduled appointment as a no-show (its slot becomes free).
 * @param request - the id
 * @param deps - storage and clock
 * @param scope - the caller
 */
export async function markNoShowHandler(request: MarkNoShowRequest__Output, deps: AppointmentsDeps, scope: CallScope): Promise<Appointment> {
  const { id } = parseRequest(appointmentIdSchema, request);
  return changeStatus(id, { to: 'NO_SHOW' }, null, deps, scope);
}
