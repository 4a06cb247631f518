/** Discharges an admitted patient; the discharge summary is required (the server refuses a blank one). */
import { useState } from 'react';
import { FormFooter, TextArea, useMutationForm } from '../../ui/index.ts';
import type { Occupant } from './BedBoard.tsx';
import { OccupantForm } from './OccupantForm.tsx';
import { WardDischargePatient } from './ward-documents.ts';

/** The discharge form for `occupant`. */
export function DischargeForm({ occupant, onDone, onCancel }: { occupant: Occupant; onDone: (message: string) => void; onCancel: () => void }) {
  const [summary, setSummary] = useState('');
  const { send: discharge, submit, footer } = useMutationForm(WardDischargePatient);

  const onSubmit = submit(async (refuse) => {
    if (summary.trim() === '') return refuse('Write the discharge summary before discharging.');
    const result = await discharge({ admissionId: occupant.id, summary: summary.trim() });
    if (result.data) onDone(`${occupant.patient.fullName} discharged from bed ${occupant.bedLabel}.`);
  });

  return (
    <OccupantForm occupant={occupant} action="Discharge" doing="Discharging" onSubmit={onSubmit}>
      <TextArea
        label="Discharge summary"
        hint="Required: diagnosis, treatment given, follow-up."
        rows={4}
        required
        aria-invalid={Boolean(footer.problem)}
        value={summary}
        onChange={(event) => setSummary(event.target.value)}
      />
      <FormFooter submit="Discharge patient" busy="Discharging…" look="danger" {...footer} onCancel={onCancel} />
    </OccupantForm>
  );
}
