/** ListAppointments: a doctor's schedule, a patient's visits, or the day list, a page at a time. */
import type { ListAppointmentsRequest__Output, ListAppointmentsResponse } from '@hospital/grpc-contracts';
import { keysetOf, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { AppointmentsDeps } from '../appointments-deps.ts';
import { listingDoctor } from '../domain/appointment-access.ts';
import type { AppointmentFilter } from '../repositories/appointment-repository.ts';
import { positionFrom, toPage } from './appointment-page.ts';
import { listAppointmentsSchema } from './list-appointments.schema.ts';

/**
 * One page ordered by start time, with the total count. A doctor always gets their own
 * appointments (of one patient when one is named) and may not name a colleague.
 * @param request - filter and page
 * @param deps - appointment storage
 * @param scope - the caller
 */
export async function listAppointmentsHandler(
  request: ListAppointmentsRequest__Output,
  deps: Pick<AppointmentsDeps, 'appointments'>,
  scope: CallScope,
): Promise<ListAppointmentsResponse> {
  const { doctorId, patientId, from, to, statuses, page, omitHistory } = parseRequest(listAppointmentsSchema, request);
  const { limit, readLimit, after } = keysetOf(page, positionFrom);
  const doctor = listingDoctor(scope.caller, doctorId);
  const filter: AppointmentFilter = { statuses, doctorId: doctor, patientId, from, to };
  const [rows, totalCount] = await Promise.all([deps.appointments.list({ ...filter, after, limit: readLimit, withHistory: !omitHistory }), deps.appointments.count(filter)]);
  return toPage(rows, limit, totalCount);
}
