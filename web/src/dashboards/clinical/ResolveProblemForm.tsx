/**
 * Resolves one active problem on a date: today in the hospital's zone unless the doctor picks an
 * earlier day. The API refuses a date before the onset or in the future; its sentence shows under
 * the date field (any other refusal under the form).
 */
import { useState } from 'react';
import { apiFailureOf } from '../../api/errors.ts';
import { formatDate, todayIso } from '../../time/hospital-time.ts';
import { FormFooter, TextInput, useMutationForm } from '../../ui/index.ts';
import { ResolveProblem } from './clinical-documents.ts';
import { CARE_REFUSAL_WORDS } from './care-words.ts';

/** The form for `problemId` (named `label`, e.g. "J18.9 Pneumonia", in its title and message). */
export function ResolveProblemForm({ problemId, label, onResolved, onCancel }: { problemId: string; label: string; onResolved: (message: string) => void; onCancel: () => void }) {
  const [date, setDate] = useState(() => todayIso());
  const { send: resolve, submit, footer } = useMutationForm(ResolveProblem);
  const failure = apiFailureOf(footer.error);
  const atField = failure?.field === 'resolvedDate' ? failure.message : undefined;

  const onSubmit = submit(async (refuse) => {
    if (date === '') return refuse('Give the resolution date.');
    if (date > todayIso()) return refuse('The resolution date cannot be in the future.');
    const result = await resolve({ problemId, resolvedDate: date });
    if (result.data) onResolved(`${label} resolved on ${formatDate(date)}.`);
  });

  return (
    <form onSubmit={onSubmit} aria-label={`Resolve ${label}`} noValidate className="my-1 max-w-sm rounded border border-slate-200 bg-white p-2">
      <TextInput label="Resolution date" type="date" max={todayIso()} required value={date} onChange={(event) => setDate(event.target.value)} error={atField} />
      <FormFooter submit="Resolve" busy="Resolving…" {...footer} error={atField ? undefined : footer.error} overrides={CARE_REFUSAL_WORDS} onCancel={onCancel} />
    </form>
  );
}
