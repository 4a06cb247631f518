/**
 * MedicationRequest: our prescriptions (`Query.prescription`, `Query.prescriptions`): the drug,
 * the dose instructions as text, the quantity and the days it covers.
 */
import type { MedicationRequest } from '@medplum/fhirtypes';
import { MEDICATION_REQUEST_STATUS } from '../value-sets.ts';
import { patientStatusResource } from './patient-status-search.ts';

const FIELDS = 'id status dose frequency durationDays quantity prescribedAt drug { name strength } patient { id } prescriber { id }';

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

/** The MedicationRequest resource type. */
export const medicationRequestResource = patientStatusResource<PrescriptionStatus, PrescriptionRecord>({
  type: 'MedicationRequest',
  documentation: 'Prescriptions (orders), as the pharmacy keeps them.',
  statusCodes: 'active, completed or cancelled (one).',
  fields: FIELDS,
  readField: 'prescription',
  searchField: 'prescriptions',
  statusType: 'PrescriptionStatus',
  statuses: MEDICATION_REQUEST_STATUS,
  what: 'a medication request status',
  map: toFhirMedicationRequest,
});
