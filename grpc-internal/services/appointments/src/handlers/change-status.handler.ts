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
import { notFound, parseRequest, type CallScope } from '@hospital/service-kit';
import type { AppointmentsDeps } from '../appointments-deps.ts';
import { actorIdOf, assertMayChange, type OwnedAction } from '../domain/appointment-access.ts';
import { assertTransition, type AppointmentStatus } from '../domain/appointment-status.ts';
import { appointmentIdSchema, cancelAppointmentSchema } from './change-status.schema.ts';
import { toProtoAppointment } from './to-proto-appointment.ts';

/** A status change: the target, and the doctor-ownership rule it is subject to (none for check-in). */
interface StatusChange {
  to: Exclude<AppointmentStatus, 'SCHEDULED'>;
  owned?: OwnedAction;
}

async function changeStatus(id: string, change: StatusChange, reason: string | null, deps: AppointmentsDeps, scope: CallScope): Promise<Appointment> {
  const record = await deps.appointments.change(
    id,
    (current) => {
      if (change.owned) assertMayChange(scope.caller, current.doctorId, change.owned);
      assertTransition(current.status, change.to);
      return { kind: 'status', to: change.to, reason };
    },
    { actorId: actorIdOf(scope.caller), at: deps.now() },
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
  return changeStatus(id, { to: 'CANCELLED', owned: 'cancel' }, reason, deps, scope);
}

/**
 * Checks a patient in (reception may do this for any doctor's appointment).
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
  return changeStatus(id, { to: 'COMPLETED', owned: 'complete' }, null, deps, scope);
}

/**
 * Marks a scheduled appointment as a no-show (its slot becomes free).
 * @param request - the id
 * @param deps - storage and clock
 * @param scope - the caller
 */
export async function markNoShowHandler(request: MarkNoShowRequest__Output, deps: AppointmentsDeps, scope: CallScope): Promise<Appointment> {
  const { id } = parseRequest(appointmentIdSchema, request);
  return changeStatus(id, { to: 'NO_SHOW', owned: 'mark as a no-show' }, null, deps, scope);
}
