/** ListPrescriptions (the dispensing queue and history) and ListPatientPrescriptions (batched). */
import type {
  ListPatientPrescriptionsRequest__Output,
  ListPatientPrescriptionsResponse,
  ListPrescriptionsRequest__Output,
  ListPrescriptionsResponse,
} from '@hospital/grpc-contracts';
import { instantIdOrder, keysetOf, keysetPage, parseRequest } from '@hospital/service-kit';
import type { PharmacyDeps } from '../pharmacy-deps.ts';
import type { PrescriptionRecord } from '../repositories/prescription-repository.ts';
import { listPatientPrescriptionsSchema, listPrescriptionsSchema } from './list-prescriptions.schema.ts';
import { toProtoPrescription } from './to-proto.ts';

const { cursorOf, positionFrom } = instantIdOrder('prescribedAt');

/**
 * A page of prescriptions with the total. The pending queue reads oldest first, the order a
 * pharmacy works through it; every other listing reads newest first.
 * @param request - status and patient filters, page
 * @param deps - prescriptions
 */
export async function listPrescriptionsHandler(request: ListPrescriptionsRequest__Output, deps: Pick<PharmacyDeps, 'prescriptions'>): Promise<ListPrescriptionsResponse> {
  const { status, patientId, page } = parseRequest(listPrescriptionsSchema, request);
  const filter = { status, patientId };
  const { limit, readLimit, after } = keysetOf(page, positionFrom);
  const [read, totalCount] = await Promise.all([
    deps.prescriptions.list({ ...filter, newestFirst: status !== 'pending', after, limit: readLimit }),
    deps.prescriptions.count(filter),
  ]);
  const { rows, cursors, pageInfo } = keysetPage(read, limit, cursorOf, totalCount);
  return { prescriptions: rows.map(toProtoPrescription), cursors, pageInfo };
}

/**
 * The newest prescriptions of each requested patient, in one query, grouped per patient in
 * request order (a patient without any gets an empty list).
 * @param request - patients, optional status, how many per patient
 * @param deps - prescriptions
 */
export async function listPatientPrescriptionsHandler(
  request: ListPatientPrescriptionsRequest__Output,
  deps: Pick<PharmacyDeps, 'prescriptions'>,
): Promise<ListPatientPrescriptionsResponse> {
  const { patientIds, status, first } = parseRequest(listPatientPrescriptionsSchema, request);
  const unique = [...new Set(patientIds)];
  const rows = await deps.prescriptions.listForPatients({ patientIds: unique, status, perPatient: first });
  const byPatient = new Map<string, PrescriptionRecord[]>(unique.map((id) => [id, []]));
  for (const row of rows) byPatient.get(row.patientId)?.push(row);
  return { patients: unique.map((patientId) => ({ patientId, prescriptions: (byPatient.get(patientId) ?? []).map(toProtoPrescription) })) };
}
