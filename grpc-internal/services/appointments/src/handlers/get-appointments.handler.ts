/** GetAppointments: appointments by id, for entity batching and `appointment(id)`. */
import type { GetAppointmentsRequest__Output, GetAppointmentsResponse } from '@hospital/grpc-contracts';
import { parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { AppointmentsDeps } from '../appointments-deps.ts';
import { denyAppointmentAccess, maySeeAppointment } from '../domain/appointment-access.ts';
import { getAppointmentsSchema } from './get-appointments.schema.ts';
import { toProtoAppointment } from './to-proto-appointment.ts';

/**
 * Appointments by id in request order; unknown ids, and other doctors' appointments when a
 * doctor asks, are left out.
 * @param request - the ids
 * @param deps - appointment storage
 * @param scope - the caller
 */
export async function getAppointmentsHandler(
  request: GetAppointmentsRequest__Output,
  deps: Pick<AppointmentsDeps, 'appointments'>,
  scope: CallScope,
): Promise<GetAppointmentsResponse> {
  const { ids } = parseRequest(getAppointmentsSchema, request);
  const visible = (await deps.appointments.findByIds([...new Set(ids)])).filter((record) => {
    if (maySeeAppointment(scope.caller, record.doctorId)) return true;
    denyAppointmentAccess(scope.caller, scope.logger, record.id, { patientId: record.patientId, noteDenied: scope.noteDeniedAccess });
    return false;
  });
  const found = new Map(visible.map((record) => [record.id, record]));
  return { appointments: ids.flatMap((id) => found.get(id) ?? []).map(toProtoAppointment) };
}
