/** UpdatePatient: changes demographics, contact details or allergies. */
import type { Patient, UpdatePatientRequest__Output } from '@hospital/grpc-contracts';
import { notFound, parseRequest, type CallScope } from '@hospital/service-kit';
import type { PatientsDeps } from '../patients-deps.ts';
import type { PatientChanges } from '../repositories/patient-repository.ts';
import { toProtoPatient } from './to-proto-patient.ts';
import { updatePatientSchema } from './update-patient.schema.ts';

/**
 * Applies the fields that are set; an unknown id is NOT_FOUND.
 * @param request - id and changes
 * @param deps - patient storage and clock
 * @param scope - the call's logger
 */
export async function updatePatientHandler(request: UpdatePatientRequest__Output, deps: PatientsDeps, scope: CallScope): Promise<Patient> {
  const { id, setAllergies, allergies, ...fields } = parseRequest(updatePatientSchema(deps.now), request);
  const changes: PatientChanges = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  if (setAllergies) changes.allergies = allergies;
  const patient = await deps.patients.update(id, changes);
  if (!patient) throw notFound('No patient with this id.');
  // Field names only: the values are patient data.
  scope.logger.info({ patientId: id, fields: Object.keys(changes) }, 'patient updated');
  return toProtoPatient(patient);
}
