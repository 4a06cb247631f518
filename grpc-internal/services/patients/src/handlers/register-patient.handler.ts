/** RegisterPatient: a new record with the next MRN. */
import type { Patient, RegisterPatientRequest__Output } from '@hospital/grpc-contracts';
import { parseRequest, type CallScope } from '@hospital/service-kit';
import { changeAuthorOf } from '../domain/allergy-access.ts';
import type { PatientsDeps } from '../patients-deps.ts';
import { registerPatientSchema } from './register-patient.schema.ts';
import { toProtoPatient } from './to-proto-patient.ts';

/**
 * Registers a patient. The MRN comes from a database sequence, so concurrent registrations
 * never share one.
 * @param request - demographics
 * @param deps - patient storage and clock
 * @param scope - the call's logger
 */
export async function registerPatientHandler(request: RegisterPatientRequest__Output, deps: PatientsDeps, scope: CallScope): Promise<Patient> {
  const details = parseRequest(registerPatientSchema(deps.now), request);
  // Allergies given at registration open the history; whoever registers may record them.
  const patient = await deps.patients.register(details, changeAuthorOf(scope));
  scope.logger.info({ patientId: patient.id }, 'patient registered');
  return toProtoPatient(patient);
}
