/**
 * Reception for any doctor (ward staff and administrators): choose the doctor and the patient,
 * then the slot; the patient's coming appointments are listed below, to check in, move or cancel. The doctor list is `doctors`, the active doctors' names only, which every role
 * that books may read (the admin-only user list is not needed).
 */
import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.ts';
import { ErrorMessage, nodesOf, SelectInput, TextInput } from '../../ui/index.ts';
import { BookAppointmentForm } from '../doctor/BookAppointmentForm.tsx';
import { PatientPicker, type PickedPatient } from './PatientPicker.tsx';
import { ReceptionAppointments } from './ReceptionAppointments.tsx';
import { useDebounced } from './use-debounced.ts';

const Doctors = graphql(`
  query ReceptionDoctors($search: String) {
    doctors(search: $search, first: 100) { totalCount edges { node { id displayName } } }
  }
`);

/** The reception booking card. */
export function ReceptionBooking() {
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim());
  const [{ data, fetching, error }] = useQuery({ query: Doctors, variables: { search: settled || null } });
  const [doctor, setDoctor] = useState<{ id: string; displayName: string } | null>(null);
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const listed = nodesOf(data?.doctors);
  // The chosen doctor stays selectable while a filter that leaves them out is typed.
  const doctors = doctor && !listed.some((candidate) => candidate.id === doctor.id) ? [doctor, ...listed] : listed;
  const more = (data?.doctors.totalCount ?? 0) - listed.length;
  const placeholder = fetching && !data ? 'Loading doctors…' : listed.length === 0 ? 'No doctor matches' : 'Choose a doctor…';
  return (
    <div>
      <ErrorMessage error={error} />
      <div className="grid gap-2 sm:grid-cols-2">
        <TextInput
          label="Filter doctors by name"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          {...(more > 0 ? { hint: `${more} more: type part of a name.` } : {})}
        />
        <SelectInput
          label="Doctor"
          value={doctor?.id ?? ''}
          onChange={(event) => setDoctor(doctors.find((candidate) => candidate.id === event.target.value) ?? null)}
          options={[{ value: '', label: placeholder }, ...doctors.map((candidate) => ({ value: candidate.id, label: candidate.displayName }))]}
        />
      </div>
      <PatientPicker label="Find patient to book" value={patient} onChange={setPatient} />
      {doctor && patient ? <BookAppointmentForm key={`${doctor.id}:${patient.id}`} patientId={patient.id} doctorId={doctor.id} onBooked={() => undefined} /> : null}
      {patient ? <ReceptionAppointments key={patient.id} patient={patient} /> : null}
    </div>
  );
}
