/**
 * Admits a patient: find the patient, choose a free bed on this ward, give the reason.
 * A taken bed or an already admitted patient comes back as CONFLICT and is shown beside the form.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormFooter, TextInput } from '../../ui/index.ts';
import { PatientPicker, type PickedPatient } from '../shared/PatientPicker.tsx';
import { FreeBedSelect } from './FreeBedSelect.tsx';
import { useFreeBeds } from './use-free-beds.ts';
import { WardAdmitPatient } from './ward-documents.ts';

/** The admit form for `wardId`, with `bedId` preselected when opened from a bed. */
export function AdmitForm({ wardId, bedId, onDone, onCancel }: { wardId: string; bedId: string | null; onDone: (message: string) => void; onCancel: () => void }) {
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [chosenBed, setChosenBed] = useState(bedId ?? '');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const free = useFreeBeds(wardId);
  const [state, admit] = useMutation(WardAdmitPatient);

  useEffect(() => setChosenBed(bedId ?? ''), [bedId]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!patient) return setMissing('Choose the patient to admit.');
    if (!chosenBed) return setMissing('Choose a free bed.');
    if (reason.trim() === '') return setMissing('Give the reason for admission.');
    setMissing(null);
    const result = await admit({ input: { patientId: patient.id, bedId: chosenBed, reason: reason.trim() } });
    if (result.data) onDone(`${result.data.admitPatient.patient.fullName} admitted to bed ${result.data.admitPatient.bed.label}.`);
  };

  return (
    <form onSubmit={onSubmit} aria-label="Admit a patient" noValidate>
      <PatientPicker label="Find patient to admit" value={patient} onChange={setPatient} />
      <FreeBedSelect free={free} label="Bed" value={chosenBed} onChange={setChosenBed} none="No free bed on this ward right now." />
      <TextInput label="Reason for admission" value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} required />
      <FormFooter
        submit="Admit patient"
        busy="Admitting…"
        pending={state.fetching}
        problem={missing}
        error={state.error}
        overrides={{ CONFLICT: conflictWords(state.error?.graphQLErrors[0]?.message) }}
        onCancel={onCancel}
      />
    </form>
  );
}

/** The ward service words its conflicts for people (bed taken, already admitted): show them plainly. */
function conflictWords(message: string | undefined): string {
  return message && !message.startsWith('{')
    ? `Could not admit: ${message}`
    : 'Could not admit: the bed was just taken or the patient is already admitted. Look at the board again.';
}
