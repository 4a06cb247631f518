/** Discharges an admitted patient; the discharge summary is required (the server refuses a blank one). */
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, ErrorMessage, Field } from '../../ui/index.ts';
import type { Occupant } from './BedBoard.tsx';
import { WardDischargePatient } from './ward-documents.ts';

/** The discharge form for `occupant`. */
export function DischargeForm({ occupant, onDone, onCancel }: { occupant: Occupant; onDone: (message: string) => void; onCancel: () => void }) {
  const [summary, setSummary] = useState('');
  const [missing, setMissing] = useState(false);
  const [state, discharge] = useMutation(WardDischargePatient);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (summary.trim() === '') return setMissing(true);
    setMissing(false);
    const result = await discharge({ admissionId: occupant.id, summary: summary.trim() });
    if (result.data) onDone(`${occupant.patient.fullName} discharged from bed ${occupant.bedLabel}.`);
  };

  return (
    <form onSubmit={onSubmit} aria-label={`Discharge ${occupant.patient.fullName}`} noValidate>
      <p className="mb-3 text-sm">
        Discharging <strong>{occupant.patient.fullName}</strong> ({occupant.patient.mrn}) from bed {occupant.bedLabel}.
      </p>
      <Field label="Discharge summary" hint="Required: diagnosis, treatment given, follow-up.">
        {(id) => (
          <textarea
            id={id}
            rows={4}
            required
            aria-invalid={missing}
            value={summary}
            onChange={(event) => setSummary(event.target.value)}
            className="mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200"
          />
        )}
      </Field>
      {missing ? (
        <p role="alert" className="my-2 text-sm text-red-800">
          Write the discharge summary before discharging.
        </p>
      ) : null}
      <ErrorMessage error={state.error} />
      <div className="flex gap-2">
        <Button type="submit" look="danger" disabled={state.fetching}>
          {state.fetching ? 'Discharging…' : 'Discharge patient'}
        </Button>
        <Button look="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
