/**
 * Finds a patient by name prefix, MRN or date of birth, as the user types, and hands the chosen one to the form.
 * Reads only demographics, so every role may use it (finance included: no clinical fields).
 */
import type { FormEvent } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.ts';
import { Button, ChoiceList, Chosen, Empty, ErrorMessage, Loading, nodesOf, TextInput } from '../../ui/index.ts';
import { formatDate } from '../../time/hospital-time.ts';
import { useSearchText } from './use-debounced.ts';

const PatientPickerSearch = graphql(`
  query PatientPickerSearch($search: String!) {
    patients(search: $search, first: 10) { ...PatientMatches }
  }
`);

/** The patient a picker hands back. */
export interface PickedPatient {
  id: string;
  mrn: string;
  fullName: string;
  dateOfBirth: string;
}

/**
 * A search box with results as buttons; the chosen patient is shown with a "Change" button.
 * @param label - the search box's label (e.g. "Find patient to admit")
 */
export function PatientPicker({ label = 'Find patient', value, onChange }: { label?: string; value: PickedPatient | null; onChange: (patient: PickedPatient | null) => void }) {
  // Searches as the user types (two characters at least), after a short pause, and at once on Enter or Search.
  const { text, setText, search, searchNow } = useSearchText(2);
  const [result] = useQuery({ query: PatientPickerSearch, variables: { search }, pause: search === '' });

  if (value) {
    return (
      <Chosen change="Change patient" onChange={() => onChange(null)}>
        Patient: <strong>{value.fullName}</strong> ({value.mrn}, born {formatDate(value.dateOfBirth)})
      </Chosen>
    );
  }

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    searchNow();
  };
  const patients = nodesOf(result.data?.patients);
  return (
    // A div, not a nested form: the picker sits inside other forms (HTML forbids nested forms).
    <div className="mb-3" role="search">
      <div className="flex items-end gap-2">
        <div className="grow">
          <TextInput
            label={label}
            placeholder="Name, MRN-000042 or 1984-01-06"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') onSearch(event);
            }}
          />
        </div>
        <Button look="secondary" className="mb-3" onClick={onSearch} disabled={text.trim() === ''}>
          Search
        </Button>
      </div>
      {search === '' ? null : result.fetching ? (
        <Loading label="Searching patients…" />
      ) : result.error ? (
        <ErrorMessage error={result.error} />
      ) : patients.length === 0 ? (
        <Empty>No patient matches “{search}”.</Empty>
      ) : (
        <ChoiceList
          label="Matching patients"
          items={patients}
          name={(patient) => patient.fullName}
          detail={(patient) => `${patient.mrn}, born ${formatDate(patient.dateOfBirth)}`}
          onChoose={onChange}
        />
      )}
    </div>
  );
}
