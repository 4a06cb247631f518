/**
 * The diagnoses of a visit: the patient's problem list (codes, descriptions, onsets), each active
 * problem with its "Resolve" action, the resolved ones apart with their resolution dates, and a
 * field that suggests ICD-10 codes from the shipped list as the doctor types, then records the one
 * chosen (with its onset, when known).
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { formatDate, todayIso } from '../../time/hospital-time.ts';
import { Button, ErrorMessage, Notice, TextInput, useOpened } from '../../ui/index.ts';
import { AddProblem, SearchIcd10 } from './clinical-documents.ts';
import { CARE_REFUSAL_WORDS } from './care-words.ts';
import { ResolveProblemForm } from './ResolveProblemForm.tsx';

/** A problem as the visit shows it. */
export interface ShownProblem {
  id: string;
  active: boolean;
  onsetDate?: string | null;
  resolvedDate?: string | null;
  code: { code: string; description: string };
}

/** "J18.9 Pneumonia, unspecified organism": how a problem is named in buttons and messages. */
const nameOf = (problem: ShownProblem) => `${problem.code.code} ${problem.code.description}`;

/** The problem list (active, then resolved) and, while the visit is open, the form adding to it; `onChanged` rereads the list. */
export function Diagnoses({ encounterId, problems, open, onChanged }: { encounterId: string; problems: readonly ShownProblem[]; open: boolean; onChanged(): void }) {
  const resolving = useOpened<string>();
  const [notice, setNotice] = useState<string | null>(null);
  const active = problems.filter((problem) => problem.active);
  const resolved = problems.filter((problem) => !problem.active);
  return (
    <div className="mt-2">
      <h5 className="text-sm font-semibold">Diagnoses</h5>
      <Notice look="line">{notice}</Notice>
      <ul aria-label="Problem list" className="text-sm">
        {active.map((problem) => (
          <li key={problem.id}>
            <strong>{problem.code.code}</strong> {problem.code.description}
            {problem.onsetDate ? <span className="text-slate-600"> · onset {formatDate(problem.onsetDate)}</span> : null}{' '}
            {resolving.value === problem.id ? (
              <ResolveProblemForm
                problemId={problem.id}
                label={nameOf(problem)}
                onResolved={resolving.closeAnd((message) => {
                  setNotice(message);
                  onChanged();
                })}
                onCancel={resolving.close}
              />
            ) : (
              <Button look="secondary" className="ml-1 px-2 py-0.5 text-xs" onClick={() => resolving.open(problem.id)} aria-label={`Resolve ${nameOf(problem)}`}>
                Resolve
              </Button>
            )}
          </li>
        ))}
      </ul>
      {resolved.length > 0 ? (
        <>
          <h6 className="mt-1 text-xs font-semibold text-slate-600">Resolved</h6>
          <ul aria-label="Resolved problems" className="text-sm text-slate-600">
            {resolved.map((problem) => (
              <li key={problem.id}>
                <strong>{problem.code.code}</strong> {problem.code.description} · resolved {formatDate(problem.resolvedDate)}
                {problem.onsetDate ? ` (onset ${formatDate(problem.onsetDate)})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {open ? <AddDiagnosis encounterId={encounterId} onAdded={onChanged} /> : null}
    </div>
  );
}

/** The ICD-10 field with its suggestions, the optional onset, and "Add diagnosis". */
function AddDiagnosis({ encounterId, onAdded }: { encounterId: string; onAdded(): void }) {
  const [text, setText] = useState('');
  const [onset, setOnset] = useState('');
  const search = text.trim();
  const [suggestions] = useQuery({ query: SearchIcd10, variables: { search }, pause: search.length < 2 });
  const [added, add] = useMutation(AddProblem);
  const code = search.split(' ')[0] ?? '';
  const save = async () => {
    const outcome = await add({ encounterId, icd10Code: code, onsetDate: onset || undefined });
    if (!outcome.error) {
      setText('');
      setOnset('');
      onAdded();
    }
  };
  return (
    <>
      <TextInput label="ICD-10 code" list={`icd10-${encounterId}`} value={text} onChange={(event) => setText(event.target.value)} />
      <datalist id={`icd10-${encounterId}`}>
        {(suggestions.data?.icd10Codes ?? []).map((entry) => (
          <option key={entry.code} value={`${entry.code} ${entry.description}`} />
        ))}
      </datalist>
      <TextInput label="Onset (optional)" type="date" max={todayIso()} value={onset} onChange={(event) => setOnset(event.target.value)} />
      <Button look="secondary" onClick={() => void save()} disabled={added.fetching || code === ''}>
        Add diagnosis
      </Button>
      <ErrorMessage error={added.error} overrides={CARE_REFUSAL_WORDS} />
    </>
  );
}
