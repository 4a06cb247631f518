/** ListAppointmentsForPatients: `Patient.appointments` for a whole list of patients in one call. */
import type { ListAppointmentsForPatientsRequest__Output, ListAppointmentsForPatientsResponse } from '@hospital/grpc-contracts';
import { pageSize, parseRequest } from '@hospital/service-kit';
import type { AppointmentsDeps } from '../appointments-deps.ts';
import { positionFrom, toPage } from './appointment-page.ts';
import { listForPatientsSchema } from './list-appointments.schema.ts';

/**
 * The same page (window, statuses, size, start) for each patient, in request order; a patient
 * without appointments gets an empty page. Two queries in all, however many patients.
 * @param request - patients, window and page
 * @param deps - appointment storage
 */
export async function listAppointmentsForPatientsHandler(
  request: ListAppointmentsForPatientsRequest__Output,
  deps: Pick<AppointmentsDeps, 'appointments'>,
): Promise<ListAppointmentsForPatientsResponse> {
  const { patientIds, from, to, statuses, page } = parseRequest(listForPatientsSchema, request);
  const limit = pageSize(page.first);
  const after = positionFrom(page.after);
  const filter = { statuses, ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const unique = [...new Set(patientIds)];
  const [pages, counts] = await Promise.all([
    deps.appointments.listForPatients(unique, { ...filter, ...(after ? { after } : {}), limit: limit + 1 }),
    deps.appointments.countForPatients(unique, filter),
  ]);
  return {
    patients: patientIds.map((patientId) => ({ patientId, ...toPage(pages.get(patientId) ?? [], limit, counts.get(patientId) ?? 0) })),
  };
}
