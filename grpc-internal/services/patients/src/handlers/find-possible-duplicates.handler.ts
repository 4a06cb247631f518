/** FindPossibleDuplicates: records that may be the person about to be registered. */
import type { FindPossibleDuplicatesRequest__Output, FindPossibleDuplicatesResponse } from '@hospital/grpc-contracts';
import { parseRequest } from '@hospital/service-kit';
import type { DuplicateCandidate } from '../repositories/patient-repository.ts';
import type { PatientsDeps } from '../patients-deps.ts';
import { findPossibleDuplicatesSchema } from './find-possible-duplicates.schema.ts';
import { toProtoPatient } from './to-proto-patient.ts';

/**
 * The proto form of the candidates.
 * @param candidates - records and the rules they matched
 */
export function toProtoCandidates(candidates: readonly DuplicateCandidate[]): FindPossibleDuplicatesResponse {
  return {
    candidates: candidates.map(({ patient, reasons }) => ({ patient: toProtoPatient(patient), reasons: reasons.map((reason) => `DUPLICATE_REASON_${reason}` as const) })),
  };
}

/**
 * Active records with the same date of birth and name words (case, accents, order ignored) or
 * the same phone digits; the rule RegisterPatient applies.
 * @param request - the registration's details
 * @param deps - patient storage and clock
 */
export async function findPossibleDuplicatesHandler(request: FindPossibleDuplicatesRequest__Output, deps: PatientsDeps): Promise<FindPossibleDuplicatesResponse> {
  const probe = parseRequest(findPossibleDuplicatesSchema(deps.now), request);
  return toProtoCandidates(await deps.patients.findPossibleDuplicates(probe));
}
