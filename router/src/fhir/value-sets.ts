/**
 * Our enums in the spec's value sets: administrative gender, appointment, medication request,
 * encounter and invoice status. One table each, read both ways, so reads and searches agree.
 */
import type { Encounter, Invoice, MedicationRequest } from '@medplum/fhirtypes';
import { badSearch } from './outcome.ts';

// Gender and appointment status are shared with the subgraphs' `fhir` fields: one table each, there.
export { FHIR_APPOINTMENT_STATUS, GENDER_OF_SEX, genderOf, type AppointmentStatusName } from '@hospital/grpc-contracts/fhir';

/** GraphQL `PrescriptionStatus` → `medicationrequest-status`. */
export const MEDICATION_REQUEST_STATUS = { PENDING: 'active', DISPENSED: 'completed', CANCELLED: 'cancelled' } as const satisfies Record<string, MedicationRequest['status']>;

/** GraphQL `AdmissionStatus` → `encounter-status`. */
export const ENCOUNTER_STATUS = { ADMITTED: 'in-progress', DISCHARGED: 'finished' } as const satisfies Record<string, Encounter['status']>;

/** GraphQL `InvoiceStatus` → `invoice-status` (partly paid is still issued; paid in full is balanced). */
export const INVOICE_STATUS = { DRAFT: 'draft', ISSUED: 'issued', PARTIALLY_PAID: 'issued', PAID: 'balanced', VOID: 'cancelled' } as const satisfies Record<
  string,
  Invoice['status']
>;

/**
 * Our values a token search names: its codes (comma-separated, ORed; `system|code` allowed) read
 * back through the table. Codes we never use match nothing; malformed ones are a 400.
 * @param table - one of the tables above
 * @param value - the parameter's value
 * @param what - what the codes are, for the error
 */
export function ourValuesFor<K extends string>(table: Readonly<Record<K, string>>, value: string, what: string): K[] {
  const wanted = value.split(',').map((token) => token.slice(token.indexOf('|') + 1).trim());
  const invalid = wanted.find((code) => !/^[a-z-]+$/.test(code));
  if (invalid !== undefined) throw badSearch(`"${invalid}" is not ${what} code.`);
  return (Object.keys(table) as K[]).filter((name) => wanted.includes(table[name]));
}
