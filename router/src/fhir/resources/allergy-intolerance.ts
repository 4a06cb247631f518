/**
 * AllergyIntolerance: the allergies on a patient's record (`Patient.allergies`, free text). Each
 * allergy's id is the patient's id and a short hash of its text, so it stays the same while the
 * allergy is on the record. Searches need a patient (there is no list of every allergy).
 */
import { createHash } from 'node:crypto';
import type { AllergyIntolerance } from '@medplum/fhirtypes';
import { badSearch, notFound } from '../outcome.ts';
import { oneValue, referencedId } from '../search-params.ts';
import type { FhirResourceType } from './resource-type.ts';

const READ = 'query FhirAllergyIntoleranceRead($id: ID!) { patient(id: $id) { id allergies } }';

/**
 * The id of one allergy of a patient.
 * @param patientId - the patient's id
 * @param allergy - the allergy's text
 */
export function allergyId(patientId: string, allergy: string): string {
  return `${patientId}.${createHash('sha256').update(allergy.toLowerCase()).digest('hex').slice(0, 12)}`;
}

/**
 * The FHIR AllergyIntolerance of one recorded allergy (active and confirmed: it is on the record).
 * @param patientId - the patient's id
 * @param allergy - the allergy's text
 */
export function toFhirAllergy(patientId: string, allergy: string): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id: allergyId(patientId, allergy),
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }] },
    code: { text: allergy },
    patient: { reference: `Patient/${patientId}` },
  };
}

type PatientAllergies = { patient: { id: string; allergies: string[] } | null };

/**
 * The allergies of one patient as FHIR resources.
 * @param gql - the caller's runner
 * @param patientId - the patient
 */
export async function allergiesOf(gql: Parameters<FhirResourceType['read']>[0], patientId: string): Promise<AllergyIntolerance[]> {
  const data = await gql.run<PatientAllergies>(READ, { id: patientId });
  return data.patient ? data.patient.allergies.map((allergy) => toFhirAllergy(data.patient!.id, allergy)) : [];
}

/** The AllergyIntolerance resource type. */
export const allergyIntoleranceResource: FhirResourceType = {
  type: 'AllergyIntolerance',
  documentation: "Allergies on a patient's record (free text, active and confirmed).",
  searchParams: [{ name: 'patient', type: 'reference', documentation: 'The patient (Patient/id); required.' }],
  async read(gql, id) {
    const patientId = id.slice(0, id.lastIndexOf('.'));
    const found = patientId ? (await allergiesOf(gql, patientId)).find((allergy) => allergy.id === id) : undefined;
    if (!found) throw notFound('AllergyIntolerance', id);
    return found;
  },
  async search(gql, search) {
    const patient = oneValue(search, 'patient');
    if (patient === undefined) throw badSearch('AllergyIntolerance searches need a patient (patient=Patient/id).');
    const resources = await allergiesOf(gql, referencedId(patient, 'Patient'));
    return { resources, total: resources.length };
  },
};
