/** GetPatients: patients by id, for entity batching. */
import type { GetPatientsRequest__Output, GetPatientsResponse } from '@hospital/grpc-contracts';
import { parseRequest } from '@hospital/service-kit';
import type { PatientsDeps } from '../patients-deps.ts';
import { getPatientsSchema } from './get-patients.schema.ts';
import { toProtoPatient } from './to-proto-patient.ts';

/**
 * Patients by id in request order, archived ones included (an old prescription still names its
 * patient); unknown ids are left out.
 * @param request - the ids
 * @param deps - patient storage
 */
export async function getPatientsHandler(request: GetPatientsRequest__Output, deps: Pick<PatientsDeps, 'patients'>): Promise<GetPatientsResponse> {
  const { ids } = parseRequest(getPatientsSchema, request);
  const found = new Map((await deps.patients.findByIds([...new Set(ids)])).map((patient) => [patient.id, patient]));
  return { patients: ids.flatMap((id) => found.get(id) ?? []).map(toProtoPatient) };
}
