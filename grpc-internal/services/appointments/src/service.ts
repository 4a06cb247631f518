/**
 * The AppointmentsService handlers map: who may call each method, and which handler serves it.
 * Every method goes through service-kit's `unary`, which checks the router's signed identity.
 * Object-level rules (a doctor sees and changes only their own appointments; others read as
 * unknown ids) live in domain/appointment-access.ts; every refusal goes through
 * `denyAppointmentAccess`.
 */
import type { AppointmentsServiceHandlers } from '@hospital/grpc-contracts';
import { auditedChange, patientIdsOf, type RoleName } from '@hospital/service-kit';
import { unary, type HandlerSecurity } from '@hospital/service-kit/grpc';
import type { AppointmentsDeps } from './appointments-deps.ts';
import { bookAppointmentHandler } from './handlers/book-appointment.handler.ts';
import { cancelAppointmentHandler, checkInAppointmentHandler, completeAppointmentHandler, markNoShowHandler } from './handlers/change-status.handler.ts';
import { ackEventsHandler, pullEventsHandler } from './handlers/events.handler.ts';
import { getAppointmentsHandler } from './handlers/get-appointments.handler.ts';
import { listAppointmentsForPatientsHandler } from './handlers/list-appointments-for-patients.handler.ts';
import { listAppointmentsHandler } from './handlers/list-appointments.handler.ts';
import { listDoctorPatientsHandler } from './handlers/list-doctor-patients.handler.ts';
import { rescheduleAppointmentHandler } from './handlers/reschedule-appointment.handler.ts';

/** Fully qualified service name, as health checks know it. */
export const APPOINTMENTS_SERVICE_NAME = 'hospital.appointments.v1.AppointmentsService';

/** Clinicians and reception (ward staff) read schedules; pharmacy and billing do not need them. */
export const READERS: readonly RoleName[] = ['admin', 'doctor', 'ward_staff'];
/** Completing a visit and no-shows are clinical or administrative decisions. */
export const SCHEDULERS: readonly RoleName[] = ['admin', 'doctor'];
/**
 * Reception (ward staff) books, moves and cancels for any doctor, besides the schedulers (a patient
 * phones the desk, not the doctor); it names the doctor when booking. Doctors: their own only.
 */
export const BOOKERS: readonly RoleName[] = ['admin', 'doctor', 'ward_staff'];
/** Reception checks patients in on arrival. */
export const CHECK_IN: readonly RoleName[] = ['admin', 'doctor', 'ward_staff'];

/** Who sees which doctor, when and why is clinical data: audited; changes return the appointment. */
const appointmentWrite = (fields: string[]) => auditedChange('Appointment', fields);

/**
 * Builds the handlers of AppointmentsService.
 * @param deps - storage, participant checks and clock
 * @param security - internal secret and logger for the `unary` wrapper
 */
export function createAppointmentsHandlers(deps: AppointmentsDeps, security: HandlerSecurity): AppointmentsServiceHandlers {
  return {
    GetAppointments: unary(READERS, (request, scope) => getAppointmentsHandler(request, deps, scope), security, {
      audit: { resource: 'Appointment', returned: (response) => patientIdsOf(response.appointments) },
    }),
    ListAppointments: unary(READERS, (request, scope) => listAppointmentsHandler(request, deps, scope), security, {
      audit: { resource: 'Appointment', requested: (request) => [request.patientId], returned: (response) => patientIdsOf(response.appointments) },
    }),
    ListAppointmentsForPatients: unary(READERS, (request, scope) => listAppointmentsForPatientsHandler(request, deps, scope), security, {
      audit: { resource: 'Appointment', requested: (request) => request.patientIds },
    }),
    ListDoctorPatients: unary(READERS, (request, scope) => listDoctorPatientsHandler(request, deps, scope), security, {
      audit: { resource: 'Appointment', returned: (response) => response.patientIds ?? [] },
    }),
    BookAppointment: unary(BOOKERS, (request, scope) => bookAppointmentHandler(request, deps, scope), security, {
      audit: { ...appointmentWrite(['appointment']), requested: (request) => [request.patientId] },
    }),
    RescheduleAppointment: unary(BOOKERS, (request, scope) => rescheduleAppointmentHandler(request, deps, scope), security, {
      audit: appointmentWrite(['startsAt', 'endsAt']),
    }),
    CancelAppointment: unary(BOOKERS, (request, scope) => cancelAppointmentHandler(request, deps, scope), security, { audit: appointmentWrite(['status']) }),
    CheckInAppointment: unary(CHECK_IN, (request, scope) => checkInAppointmentHandler(request, deps, scope), security, { audit: appointmentWrite(['status']) }),
    CompleteAppointment: unary(SCHEDULERS, (request, scope) => completeAppointmentHandler(request, deps, scope), security, { audit: appointmentWrite(['status']) }),
    MarkNoShow: unary(SCHEDULERS, (request, scope) => markNoShowHandler(request, deps, scope), security, { audit: appointmentWrite(['status']) }),
    // Only the system's own services (signed with the internal secret) pull and acknowledge events.
    PullEvents: unary('internal', (request) => pullEventsHandler(request, deps), security),
    AckEvents: unary('internal', (request, scope) => ackEventsHandler(request, deps, scope), security),
  };
}
