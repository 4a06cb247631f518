/** ListAppointmentsForPatients: `Patient.appointments` for a whole list of patients in one call. */
import type { ListAppointmentsForPatientsRequest__Output, ListAppointmentsForPatientsResponse } from '@hospital/grpc-contracts';
import { keysetOf, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { AppointmentsDeps } from '../appointments-deps.ts';
import { ownDoctorOf } from '../domain/appointment-access.ts';
import { positionFrom, toPage } from './appointment-page.ts';
import { listForPatientsSchema } from './list-appointments.schema.ts';

/**
 * The same page (window, statuses, size, start) for each patient, in request order; a patient
 * without appointments gets an empty page. Two queries in all, however many patients. A doctor
 * gets only their own appointments with each patient.
 * @param request - patients, window and page
 * @param deps - appointment storage
 * @param scope - the caller
 */
export async function listAppointmentsForPatientsHandler(
  request: ListAppointmentsForPatientsRequest__Output,
  deps: Pick<AppointmentsDeps, 'appointments'>,
  scope: CallScope,
): Promise<ListAppointmentsForPatientsResponse> {
  const { patientIds, from, to, statuses, page, omitHistory } = parseRequest(listForPatientsSchema, request);
  const { limit, readLimit, after } = keysetOf(page, positionFrom);
  const doctorId = ownDoctorOf(scope.caller);
  const filter = { statuses, doctorId, from, to };
  const unique = [...new Set(patientIds)];
  const [pages, counts] = await Promise.all([
    deps.appointments.listForPatients(unique, { ...filter, after, limit: readLimit, withHistory: !omitHistory }),
    deps.appointments.countForPatients(unique, filter),
  ]);
  return {
    patients: patientIds.map((patientId) => ({ patientId, ...toPage(pages.get(patientId) ?? [], limit, counts.get(patientId) ?? 0) })),
  };
}
