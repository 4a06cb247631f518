/** @hospital/appointments-service: appointments, their lifecycle and their events over gRPC. */
export { startAppointmentsService, type AppointmentsServiceConfig, type RunningAppointmentsService } from './appointments-service.ts';
export { loadConfig } from './env.ts';
export { APPOINTMENTS_SERVICE_NAME } from './service.ts';
