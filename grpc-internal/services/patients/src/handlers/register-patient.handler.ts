/** RegisterPatient: a new record with the next MRN, unless the patient may be on file already. */
import type { Patient, RegisterPatientRequest__Output } from '@hospital/grpc-contracts';
import { conflict, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { changeAuthorOf } from '../domain/allergy-access.ts';
import type { PatientsDeps } from '../patients-deps.ts';
import { registerPatientSchema } from './register-patient.schema.ts';
import { toProtoPatient } from './to-proto-patient.ts';

/** The CONFLICT message of a registration stopped by possible duplicates (clients branch on the code and re-read the candidates). */
export const POSSIBLE_DUPLICATE_MESSAGE = 'This patient may already be registered: check the possible duplicates, or register anyway.';

/**
 * Registers a patient. The MRN comes from a database sequence, so concurrent registrations
 * never share one. Without `allowPossibleDuplicate`, a record that may be the same person (see
 * FindPossibleDuplicates) stops it with CONFLICT and nothing is written.
 * @param request - demographics
 * @param deps - patient storage and clock
 * @param scope - the call's logger
 */
export async function registerPatientHandler(request: RegisterPatientRequest__Output, deps: PatientsDeps, scope: CallScope): Promise<Patient> {
  const details = parseRequest(registerPatientSchema(deps.now), request);
  // Allergies given at registration open the history; whoever registers may record them.
  const author = changeAuthorOf(scope);
  if (request.allowPossibleDuplicate || !deps.possibleDuplicateCheck) {
    const patient = await deps.patients.register(details, author);
    scope.logger.info({ patientId: patient.id }, 'patient registered despite possible duplicates');
    return toProtoPatient(patient);
  }
  const outcome = await deps.patients.registerUnlessDuplicate(details, author);
  if ('candidates' in outcome) {
    scope.logger.info({ candidates: outcome.candidates.map((candidate) => candidate.patient.id) }, 'registration stopped: possible duplicates');
    throw conflict(POSSIBLE_DUPLICATE_MESSAGE);
  }
  scope.logger.info({ patientId: outcome.registered.id }, 'patient registered');
  return toProtoPatient(outcome.registered);
}
