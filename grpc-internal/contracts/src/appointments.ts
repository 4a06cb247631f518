/** The appointments department's contract: service package and promise client. */
import { createPromiseClient, loadProto, type ClientOptions, type PromiseClient } from './client.ts';
import type { ProtoGrpcType } from './generated/appointments.ts';
import type { AppointmentsServiceDefinition } from './generated/hospital/appointments/v1/AppointmentsService.ts';

/** The appointments department's package (service constructor and definition). */
export const appointmentsProto = loadProto<ProtoGrpcType>('hospital/appointments/v1/appointments.proto').hospital.appointments.v1;

/** Promise client of the appointments service. */
export type AppointmentsClient = PromiseClient<AppointmentsServiceDefinition>;

/**
 * Opens a client to the appointments service.
 * @param options - target and default deadline
 */
export function createAppointmentsClient(options: ClientOptions): AppointmentsClient {
  return createPromiseClient<AppointmentsServiceDefinition>(appointmentsProto.AppointmentsService, options);
}
