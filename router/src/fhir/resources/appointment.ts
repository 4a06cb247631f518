/**
 * Appointment: our appointments (`Query.appointment`, `Query.appointments`), with the patient and
 * the doctor as participants. Date searches become the GraphQL window [from, to): `ge`/`gt` open
 * it, `le`/`lt` close it, a bare date is the window of its day (or month, or year).
 */
import type { Appointment } from '@medplum/fhirtypes';
import { toFhirAppointment, type AppointmentRecord } from '@hospital/grpc-contracts/fhir';
import { parseDateSearch, referencedId, oneValue, type ParsedSearch } from '../search-params.ts';
import { FHIR_APPOINTMENT_STATUS, ourValuesFor } from '../value-sets.ts';
import { connectionPage, readOne, type FhirResourceType } from './resource-type.ts';

const FIELDS = 'id startsAt endsAt reason status createdAt patient { id } doctor { id }';
const READ = `query FhirAppointmentRead($id: ID!) { appointment(id: $id) { ${FIELDS} } }`;
const SEARCH = `query FhirAppointmentSearch($patientId: ID, $doctorId: ID, $from: DateTime, $to: DateTime, $status: [AppointmentStatus!], $first: Int, $after: String) {
  appointments(patientId: $patientId, doctorId: $doctorId, from: $from, to: $to, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${FIELDS} } }
  }
}`;

/** The GraphQL window of the `date` values (each narrows it). */
function windowOf(values: readonly string[]): { from?: string; to?: string } {
  let from: Date | undefined;
  let to: Date | undefined;
  const later = (a: Date | undefined, b: Date) => (a && a > b ? a : b);
  const earlier = (a: Date | undefined, b: Date) => (a && a < b ? a : b);
  for (const value of values) {
    const date = parseDateSearch(value);
    if (date.prefix === 'ge' || date.prefix === 'eq') from = later(from, date.start);
    if (date.prefix === 'gt') from = later(from, date.end);
    if (date.prefix === 'le' || date.prefix === 'eq') to = earlier(to, date.end);
    if (date.prefix === 'lt') to = earlier(to, date.start);
  }
  // eslint-disable-next-line house/conditional-spread -- GraphQL variables: an undefined variable is coerced to null, not left out
  return { ...(from ? { from: from.toISOString() } : {}), ...(to ? { to: to.toISOString() } : {}) };
}

function variablesOf(search: ParsedSearch): Record<string, unknown> {
  const patient = oneValue(search, 'patient');
  const practitioner = oneValue(search, 'practitioner');
  const status = oneValue(search, 'status');
  // Left out, not undefined: an undefined GraphQL variable is coerced to null (graphql-js coerceVariableValues).
  /* eslint-disable house/conditional-spread -- GraphQL variables: an undefined variable is coerced to null, not left out */
  return {
    ...(patient !== undefined ? { patientId: referencedId(patient, 'Patient') } : {}),
    ...(practitioner !== undefined ? { doctorId: referencedId(practitioner, 'Practitioner') } : {}),
    ...(status !== undefined ? { status: ourValuesFor(FHIR_APPOINTMENT_STATUS, status, 'an appointment status') } : {}),
    ...windowOf(search.values.get('date') ?? []),
    first: search.count,
    after: search.cursor ?? null,
  };
  /* eslint-enable house/conditional-spread */
}

/** The Appointment resource type. */
export const appointmentResource: FhirResourceType = {
  type: 'Appointment',
  documentation: 'Appointments with a doctor; a doctor sees only their own, as in GraphQL.',
  searchParams: [
    { name: 'patient', type: 'reference', documentation: 'The patient (Patient/id).' },
    { name: 'practitioner', type: 'reference', documentation: 'The doctor (Practitioner/id); a doctor may name only themself.' },
    { name: 'date', type: 'date', documentation: 'Appointment time; eq, ge, gt, le, lt; repeat for a range (date=ge…&date=lt…).' },
    { name: 'status', type: 'token', documentation: 'booked, checked-in, fulfilled, cancelled, noshow (comma-separated).' },
  ],
  read: (gql, id) => readOne<AppointmentRecord, Appointment>(gql, { query: READ, field: 'appointment', type: 'Appointment' }, id, toFhirAppointment),
  async search(gql, search) {
    const variables = variablesOf(search);
    // Status codes we never use (proposed, pending, …) match nothing.
    if (Array.isArray(variables['status']) && variables['status'].length === 0) return { resources: [], total: 0 };
    return connectionPage(gql, { query: SEARCH, field: 'appointments' }, variables, toFhirAppointment);
  },
};
