/** GetAppointments: appointments by id, for entity batching and `appointment(id)`. */
import type { GetAppointmentsRequest__Output, GetAppointmentsResponse } from '@hospital/grpc-contracts';
import { parseRequest } from '@hospital/service-kit';
import type { AppointmentsDeps } from '../appointments-deps.ts';
import { getAppointmentsSchema } from './get-appointments.schema.ts';
import { toProtoAppointment } from './to-proto-appointment.ts';

/**
 * Appointments by id in request order; unknown ids are left out.
 * @param request - the ids
 * @param deps - appointment storage
 */
export async function getAppointmentsHandler(request: GetAppointmentsRequest__Output, deps: Pick<AppointmentsDeps, 'appointments'>): Promise<GetAppointmentsResponse> {
  const { ids } = parseRequest(getAppointmentsSchema, request);
  const found = new Map((await deps.appointments.findByIds([...new Set(ids)])).map((record) => [record.id, record]));
  return { appointments: ids.flatMap((id) => found.get(id) ?? []).map(toProtoAppointment) };
}
