/** Patient search by name or MRN; choosing one opens the chart. */
import type { FormEvent } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.ts';
import { Button, ErrorMessage, Loading, nodesOf, Section, TextInput } from '../../ui/index.ts';
import { useSearchText } from '../shared/use-debounced.ts';
import { PatientTable } from './PatientTable.tsx';

const SearchPatients = graphql(`
  query DoctorSearchPatients($search: String!) {
    patients(search: $search, first: 20) { ...PatientMatches }
  }
`);

/** The search card; `onOpenPatient` opens a chart. */
export function PatientSearch({ onOpenPatient }: { onOpenPatient(patientId: string): void }) {
  // Searches as the doctor types, after a short pause (and at once on Enter).
  const { text, setText, search, searchNow } = useSearchText();
  const [{ data, fetching, error }] = useQuery({ query: SearchPatients, variables: { search }, pause: search.length < 2 });

  function submit(event: FormEvent) {
    event.preventDefault();
    searchNow();
  }

  return (
    <Section title="Find a patient">
      <form role="search" onSubmit={submit} className="flex items-end gap-2">
        <div className="flex-1">
          <TextInput label="Name or MRN" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. Smith or MRN-000123" />
        </div>
        <Button type="submit" className="mb-3">
          Search
        </Button>
      </form>
      <ErrorMessage error={error} />
      {search.length < 2 ? (
        <p className="text-sm text-slate-500">Type at least two letters.</p>
      ) : fetching && !data ? (
        <Loading label="Searching…" />
      ) : (
        <>
          {data && data.patients.matchCount.count > data.patients.edges.length ? (
            // matchCount stops counting at its cap: cheap on a large register, unlike totalCount.
            <p className="text-sm text-slate-600">
              Showing {data.patients.edges.length} of {data.patients.matchCount.count}
              {data.patients.matchCount.capped ? '+' : ''} matches: type more to narrow the search.
            </p>
          ) : null}
          <PatientTable caption="Matching patients" rows={nodesOf(data?.patients)} empty="No patient matches that search." onOpenPatient={onOpenPatient} />
        </>
      )}
    </Section>
  );
}
