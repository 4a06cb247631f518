/**
 * The doctor's default patient list: the patients they have appointments with, latest first.
 * Other patients are found with the search below it (booking someone new needs that).
 */
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.ts';
import { ErrorMessage, Loading, Section } from '../../ui/index.ts';
import { PatientTable } from './PatientTable.tsx';

const MyPatientsQuery = graphql(`
  query DoctorMyPatients {
    myPatients(first: 10) { id mrn fullName dateOfBirth }
  }
`);

/** The "My patients" card; `onOpenPatient` opens a chart. */
export function MyPatients({ onOpenPatient }: { onOpenPatient(patientId: string): void }) {
  const [{ data, fetching, error }] = useQuery({ query: MyPatientsQuery });
  return (
    <Section title="My patients">
      <ErrorMessage error={error} />
      {fetching && !data ? (
        <Loading label="Loading your patients…" />
      ) : (
        <PatientTable caption="Patients you have appointments with" rows={data?.myPatients ?? []} empty="No patients yet: find one below to book." onOpenPatient={onOpenPatient} />
      )}
    </Section>
  );
}
