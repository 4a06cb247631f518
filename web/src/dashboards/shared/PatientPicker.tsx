/**
 * Finds a patient by name prefix, MRN or date of birth, as the user types, and hands the chosen one to the form.
 * Reads only demographics, so every role may use it (finance included: no clinical fields).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.ts';
import { Button, ErrorMessage, Loading, TextInput } from '../../ui/index.ts';
import { formatDate } from './format.ts';

const PatientPickerSearch = graphql(`
  query PatientPickerSearch($search: String!) {
    patients(search: $search, first: 10) {
      matchCount { count capped }
      edges { node { id mrn fullName dateOfBirth } }
    }
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
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  // Searches as the user types, after a short pause (and at once on Enter or Search).
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim().length >= 2 ? text.trim() : ''), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const [result] = useQuery({ query: PatientPickerSearch, variables: { search }, pause: search === '' });

  if (value) {
    return (
      <div className="mb-3 flex items-center gap-3 rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm">
        <span>
          Patient: <strong>{value.fullName}</strong> ({value.mrn}, born {formatDate(value.dateOfBirth)})
        </span>
        <Button look="secondary" onClick={() => onChange(null)}>
          Change patient
        </Button>
      </div>
    );
  }

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setSearch(text.trim());
  };
  const patients = result.data?.patients.edges.map((edge) => edge.node) ?? [];
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
        <p className="text-sm italic text-slate-500">No patient matches “{search}”.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded border border-slate-200" aria-label="Matching patients">
          {patients.map((patient) => (
            <li key={patient.id} className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm">
              <span>
                {patient.fullName}{' '}
                <span className="text-slate-500">
                  ({patient.mrn}, born {formatDate(patient.dateOfBirth)})
                </span>
              </span>
              <Button look="secondary" onClick={() => onChange(patient)} aria-label={`Choose ${patient.fullName}`}>
                Choose
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
