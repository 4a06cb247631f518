/**
 * The doctor's default patient list: the patients they have appointments with, latest first.
 * Other patients are found with the search below it (booking someone new needs that).
 */
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.ts';
import { Button, ErrorMessage, Loading, Section, Table } from '../../ui/index.ts';

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
        <Table
          caption="Patients you have appointments with"
          rows={data?.myPatients ?? []}
          rowKey={(row) => row.id}
          empty="No patients yet: find one below to book."
          columns={[
            { header: 'MRN', cell: (row) => row.mrn },
            { header: 'Name', cell: (row) => row.fullName },
            { header: 'Born', cell: (row) => row.dateOfBirth },
            {
              header: 'Chart',
              cell: (row) => (
                <Button look="secondary" onClick={() => onOpenPatient(row.id)} aria-label={`Open chart of ${row.fullName}`}>
                  Open chart
                </Button>
              ),
            },
          ]}
        />
      )}
    </Section>
  );
}
