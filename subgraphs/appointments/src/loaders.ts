/**
 * Per-request loaders of the appointments subgraph: appointments by id (entity references and
 * `appointment(id)`), and `Patient.appointments` for every patient of a response at once.
 */
import DataLoader from 'dataloader';
import type { AppointmentsClient, Appointment__Output, ListAppointmentsForPatientsRequest, PatientAppointments__Output } from '@hospital/grpc-contracts';
import { callGrpc, defineIdLoader, defineLoader, requestCallOptions, type LoaderKey } from '@hospital/subgraph-kit';

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
  return defineLoader(
    'patientAppointments',
    (context) =>
      new DataLoader<PatientPageKey, PatientAppointments__Output | null, string>(
        async (keys) => {
          const groups = new Map<string, PatientPageKey[]>();
          for (const key of keys) {
            const group = JSON.stringify(key.args);
            groups.set(group, [...(groups.get(group) ?? []), key]);
          }
          const pages = new Map<string, PatientAppointments__Output>();
          await Promise.all(
            [...groups].map(async ([group, members]) => {
              const request = { ...members[0]!.args, patientIds: [...new Set(members.map((m) => m.patientId))] };
              const { patients } = await callGrpc(client.listAppointmentsForPatients(request, requestCallOptions(context)));
              for (const page of patients) pages.set(`${group}|${page.patientId}`, page);
            }),
          );
          return keys.map((key) => pages.get(`${JSON.stringify(key.args)}|${key.patientId}`) ?? null);
        },
        { cacheKeyFn: (key) => `${JSON.stringify(key.args)}|${key.patientId}` },
      ),
  );
}
