/**
 * MedicationRequest: our prescriptions (`Query.prescription`, `Query.prescriptions`): the drug,
 * the dose instructions as text, the quantity and the days it covers.
 */
import type { MedicationRequest } from '@medplum/fhirtypes';
import { badSearch, notFound } from '../outcome.ts';
import { oneValue, parseToken, referencedId } from '../search-params.ts';
import { nextCursorOf, type Connection, type FhirResourceType } from './resource-type.ts';

const FIELDS = 'id status dose frequency durationDays quantity prescribedAt drug { name strength } patient { id } prescriber { id }';
const READ = `query FhirMedicationRequestRead($id: ID!) { prescription(id: $id) { ${FIELDS} } }`;
const SEARCH = `query FhirMedicationRequestSearch($patientId: ID, $status: PrescriptionStatus, $first: Int, $after: String) {
  prescriptions(patientId: $patientId, status: $status, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${FIELDS} } } }
}`;

/** GraphQL `PrescriptionStatus` → `medicationrequest-status`. */
export const MEDICATION_REQUEST_STATUS = { PENDING: 'active', DISPENSED: 'completed', CANCELLED: 'cancelled' } as const satisfies Record<string, MedicationRequest['status']>;
type PrescriptionStatus = keyof typeof MEDICATION_REQUEST_STATUS;

/** A prescription as the facade selects one. */
export interface PrescriptionRecord {
  id: string;
  status: PrescriptionStatus;
  dose: string;
  frequency: string;
  durationDays: number;
  quantity: number;
  prescribedAt: string;
  drug: { name: string; strength: string };
  patient: { id: string };
  prescriber: { id: string };
}

/**
 * The FHIR MedicationRequest of one prescription (intent `order`: a prescriber's order).
 * @param record - the GraphQL prescription
 */
export function toFhirMedicationRequest(record: PrescriptionRecord): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: record.id,
    status: MEDICATION_REQUEST_STATUS[record.status],
    intent: 'order',
    medicationCodeableConcept: { text: `${record.drug.name} ${record.drug.strength}` },
    subject: { reference: `Patient/${record.patient.id}` },
    authoredOn: record.prescribedAt,
    requester: { reference: `Practitioner/${record.prescriber.id}` },
    dosageInstruction: [{ text: `${record.dose}, ${record.frequency}, for ${record.durationDays} days` }],
    dispenseRequest: {
      quantity: { value: record.quantity },
      expectedSupplyDuration: { value: record.durationDays, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
    },
  };
}

/** Our status of a FHIR status code; undefined for codes we never use (they match nothing). */
function statusOf(code: string): PrescriptionStatus | null {
  if (!/^[a-z-]+$/.test(code)) throw badSearch(`"${code}" is not a medication request status code.`);
  return (Object.keys(MEDICATION_REQUEST_STATUS) as PrescriptionStatus[]).find((name) => MEDICATION_REQUEST_STATUS[name] === code) ?? null;
}

/** The MedicationRequest resource type. */
export const medicationRequestResource: FhirResourceType = {
  type: 'MedicationRequest',
  documentation: 'Prescriptions (orders), as the pharmacy keeps them.',
  searchParams: [
    { name: 'patient', type: 'reference', documentation: 'The patient (Patient/id).' },
    { name: 'status', type: 'token', documentation: 'active, completed or cancelled (one).' },
  ],
  async read(gql, id) {
    const data = await gql.run<{ prescription: PrescriptionRecord | null }>(READ, { id });
    if (!data.prescription) throw notFound('MedicationRequest', id);
    return toFhirMedicationRequest(data.prescription);
  },
  async search(gql, search) {
    const patient = oneValue(search, 'patient');
    const status = oneValue(search, 'status');
    const ours = status !== undefined ? statusOf(parseToken(status).code) : undefined;
    if (ours === null) return { resources: [], total: 0 };
    const variables = { patientId: patient !== undefined ? referencedId(patient, 'Patient') : null, status: ours ?? null, first: search.count, after: search.cursor ?? null };
    const data = await gql.run<{ prescriptions: Connection<PrescriptionRecord> }>(SEARCH, variables);
    return {
      resources: data.prescriptions.edges.map((edge) => toFhirMedicationRequest(edge.node)),
      ...nextCursorOf(data.prescriptions),
      total: data.prescriptions.totalCount ?? 0,
    };
  },
};
