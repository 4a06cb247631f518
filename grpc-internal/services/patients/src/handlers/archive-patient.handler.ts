/** ArchivePatient: hides a record from search; records are never deleted. */
import type { ArchivePatientRequest__Output, Patient } from '@hospital/grpc-contracts';
import { notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { PatientsDeps } from '../patients-deps.ts';
import { archivePatientSchema } from './archive-patient.schema.ts';
import { toProtoPatient } from './to-proto-patient.ts';

/**
 * Archives a patient. Archiving twice is not an error: it answers the archived record, so a
 * retried request gets the same result.
 * @param request - the patient id
 * @param deps - patient storage
 * @param scope - the call's logger
 */
export async function archivePatientHandler(request: ArchivePatientRequest__Output, deps: Pick<PatientsDeps, 'patients'>, scope: CallScope): Promise<Patient> {
  const { id } = parseRequest(archivePatientSchema, request);
  const patient = await deps.patients.archive(id);
  if (!patient) throw notFound('No patient with this id.');
  scope.logger.info({ patientId: id }, 'patient archived');
  return toProtoPatient(patient);
}
