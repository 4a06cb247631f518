/** Prescribe: a doctor writes a prescription, checked against the patient's recorded allergies. */
import type { PrescribeRequest__Output, Prescription } from '@hospital/grpc-contracts';
import { invalidInput, notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { describeAllergyMatches, findAllergyMatches } from '../domain/allergy-match.ts';
import type { PharmacyDeps } from '../pharmacy-deps.ts';
import { clinicianOf } from './pharmacy-fields.schema.ts';
import { legacyPrescribeSchema, structuredPrescribeSchema } from './prescribe.schema.ts';
import { toProtoPrescription } from './to-proto.ts';

/**
 * Writes a pending prescription with the caller as prescriber. The patient must exist in the
 * patients department and not be archived. When the drug matches a recorded allergy the
 * prescription is refused (BAD_USER_INPUT on allergyOverrideReason, naming the allergy) unless
 * the doctor gives a reason, which is recorded with who and when. A reason given when nothing
 * matched overrides nothing and is not recorded.
 * @param request - patient, drug, dose (structured or free text), frequency, duration, quantity, optional override reason
 * @param deps - catalogue, prescriptions, patient directory and clock
 * @param scope - the caller, forwarded to the patients service
 */
export async function prescribeHandler(
  request: PrescribeRequest__Output,
  deps: Pick<PharmacyDeps, 'drugs' | 'prescriptions' | 'patients' | 'now'>,
  scope: CallScope,
): Promise<Prescription> {
  // Naming a dose unit selects the structured form; otherwise the older free text.
  const { allergyOverrideReason, ...fields } = request.doseUnit ? parseRequest(structuredPrescribeSchema, request) : parseRequest(legacyPrescribeSchema, request);
  const prescriberId = clinicianOf(scope, 'prescribe');
  const [drug] = await deps.drugs.findByIds([fields.drugId]);
  if (!drug) throw notFound('No drug with this id.');
  const patient = await deps.patients.find(fields.patientId, scope);
  if (!patient) throw notFound('No patient with this id.');
  if (patient.archived) throw invalidInput('This patient record is archived; prescribe for an active record.', 'patientId');

  const at = deps.now();
  const matches = findAllergyMatches(patient.allergies, drug);
  if (matches.length > 0 && !allergyOverrideReason) throw invalidInput(describeAllergyMatches(matches, drug.name), 'allergyOverrideReason');
  const allergyOverride = matches.length > 0 && allergyOverrideReason ? { reason: allergyOverrideReason, by: prescriberId, at, allergies: matches.map((m) => m.allergy) } : null;

  const prescription = await deps.prescriptions.create({ ...fields, prescriberId, allergyOverride, prescribedAt: at });
  // Ids only: the allergy names are patient data.
  scope.logger.info({ prescriptionId: prescription.id, patientId: patient.id, drugId: drug.id, allergyOverride: allergyOverride !== null }, 'prescription written');
  return toProtoPrescription(prescription);
}
