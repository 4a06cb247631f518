/**
 * The diagnoses of a visit: the patient's problem list (codes and descriptions) and a field that
 * suggests ICD-10 codes from the shipped list as the doctor types, then records the one chosen.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Button, ErrorMessage, TextInput } from '../../ui/index.ts';
import { AddProblem, SearchIcd10 } from './clinical-documents.ts';
import { CARE_REFUSAL_WORDS } from './care-words.ts';

/** A problem as the visit shows it. */
export interface ShownProblem {
  id: string;
  active: boolean;
  code: { code: string; description: string };
}

/** The problem list and, while the visit is open, the form adding to it. */
export function Diagnoses({ encounterId, problems, open, onAdded }: { encounterId: string; problems: readonly ShownProblem[]; open: boolean; onAdded(): void }) {
  const [text, setText] = useState('');
  const search = text.trim();
  const [suggestions] = useQuery({ query: SearchIcd10, variables: { search }, pause: search.length < 2 });
  const [added, add] = useMutation(AddProblem);
  const code = search.split(' ')[0] ?? '';
  const save = async () => {
    const outcome = await add({ encounterId, icd10Code: code });
    if (!outcome.error) {
      setText('');
      onAdded();
    }
  };
  return (
    <div className="mt-2">
      <h5 className="text-sm font-semibold">Diagnoses</h5>
      <ul aria-label="Problem list" className="text-sm">
        {problems.map((problem) => (
          <li key={problem.id}>
            <strong>{problem.code.code}</strong> {problem.code.description}
            {problem.active ? '' : ' (resolved)'}
          </li>
        ))}
      </ul>
      {open ? (
        <>
          <TextInput label="ICD-10 code" list={`icd10-${encounterId}`} value={text} onChange={(event) => setText(event.target.value)} />
          <datalist id={`icd10-${encounterId}`}>
            {(suggestions.data?.icd10Codes ?? []).map((entry) => (
              <option key={entry.code} value={`${entry.code} ${entry.description}`} />
            ))}
          </datalist>
          <Button look="secondary" onClick={() => void save()} disabled={added.fetching || code === ''}>
            Add diagnosis
          </Button>
          <ErrorMessage error={added.error} overrides={CARE_REFUSAL_WORDS} />
        </>
      ) : null}
    </div>
  );
}
