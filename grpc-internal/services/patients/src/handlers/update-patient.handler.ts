/** UpdatePatient: changes demographics, contact details or allergies. */
import type { Patient, UpdatePatientRequest__Output } from '@hospital/grpc-contracts';
import { notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { assertMayChangeAllergies, changeAuthorOf } from '../domain/allergy-access.ts';
import type { PatientsDeps } from '../patients-deps.ts';
import type { PatientChanges } from '../repositories/patient-repository.ts';
import { toProtoPatient } from './to-proto-patient.ts';
import { updatePatientSchema } from './update-patient.schema.ts';

/**
 * Applies the fields that are set; an unknown id is NOT_FOUND. Replacing the allergy list needs
 * a care relationship (domain/allergy-access.ts) and is recorded in the allergy history.
 * @param request - id and changes
 * @param deps - patient storage and clock
 * @param scope - the caller and logger
 */
export async function updatePatientHandler(request: UpdatePatientRequest__Output, deps: PatientsDeps, scope: CallScope): Promise<Patient> {
  const { id, setAllergies, allergies, ...fields } = parseRequest(updatePatientSchema(deps.now), request);
  const changes: PatientChanges = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  if (setAllergies) {
    await assertMayChangeAllergies(id, deps.care, scope);
    changes.allergies = allergies;
  }
  const patient = await deps.patients.update(id, changes, changeAuthorOf(scope));
  if (!patient) throw notFound('No patient with this id.');
  // Field names only: the values are patient data.
  scope.logger.info({ patientId: id, fields: Object.keys(changes) }, 'patient updated');
  return toProtoPatient(patient);
}
