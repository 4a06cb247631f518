/**
 * Per-request loaders of the appointments subgraph: appointments by id (entity references and
 * `appointment(id)`), and `Patient.appointments` for every patient of a response at once.
 */
import type { AppointmentsClient, Appointment__Output, ListAppointmentsForPatientsRequest, PatientAppointments__Output } from '@hospital/grpc-contracts';
import { callGrpc, defineIdLoader, definePatientArgsLoader, type LoaderKey } from '@hospital/subgraph-kit';

/**
 * Appointments by id: every reference and `appointment(id)` in one request share ONE
 * GetAppointments call.
 * @param client - the appointments gRPC client
 */
export function createAppointmentLoader(client: AppointmentsClient): LoaderKey<string, Appointment__Output> {
  return defineIdLoader('appointments', async (ids, options) => (await callGrpc(client.getAppointments({ ids }, options))).appointments);
}

/** The arguments of one `Patient.appointments` selection, as the batched call takes them. */
export type PatientPageArgs = Omit<ListAppointmentsForPatientsRequest, 'patientIds'>;

/** One patient's page under given arguments. */
export interface PatientPageKey {
  patientId: string;
  args: PatientPageArgs;
}

/**
 * `Patient.appointments` for many patients: the keys of one tick are grouped by their arguments
 * (normally all the same, from one selection) and each group costs ONE ListAppointmentsForPatients
 * call, however many patients the response lists.
 * @param client - the appointments gRPC client
 */
export function createPatientAppointmentsLoader(client: AppointmentsClient): LoaderKey<PatientPageKey, PatientAppointments__Output> {
  return definePatientArgsLoader('patientAppointments', {
    argsOf: (key) => JSON.stringify(key.args),
    fetch: async (group, options) => {
      const request = { ...group[0]!.args, patientIds: [...new Set(group.map((m) => m.patientId))] };
      const { patients } = await callGrpc(client.listAppointmentsForPatients(request, options));
      return patients.map((page) => [page.patientId, page] as const);
    },
    missing: null,
  });
}
