/**
 * Moves an admitted patient to a free bed on any ward. The bed list is keyed by the ward shown,
 * the chosen bed resets when the ward changes, and the mutation names the ward, so the patient
 * lands on the ward the form shows or not at all.
 */
import { useState } from 'react';
import { FormFooter, SelectInput, useMutationForm } from '../../ui/index.ts';
import type { Occupant } from './BedBoard.tsx';
import { FreeBedSelect } from './FreeBedSelect.tsx';
import { OccupantForm } from './OccupantForm.tsx';
import { useFreeBeds } from './use-free-beds.ts';
import { WardTransferPatient } from './ward-documents.ts';

/** The transfer form for `occupant`, starting on `wardId`; `wards` are the choices of ward. */
export function TransferForm({
  occupant,
  wardId,
  wards,
  onDone,
  onCancel,
}: {
  occupant: Occupant;
  wardId: string;
  wards: ReadonlyArray<{ id: string; name: string }>;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [targetWard, setTargetWard] = useState(wardId);
  const [bedId, setBedId] = useState('');
  const free = useFreeBeds(targetWard);
  const { send: transfer, submit, footer } = useMutationForm(WardTransferPatient);

  const onSubmit = submit(async (refuse) => {
    // A bed no longer offered for the ward shown (it changed, or the list is reloading) is no choice.
    if (!bedId || !free.beds.some((bed) => bed.id === bedId)) return refuse('Choose the bed to move the patient to.');
    const result = await transfer({ admissionId: occupant.id, wardId: targetWard, bedId });
    if (result.data) {
      const moved = result.data.transferPatient;
      onDone(`${occupant.patient.fullName} moved to bed ${moved.bed.label} on ${moved.ward.name}.`);
    }
  });

  return (
    <OccupantForm occupant={occupant} action="Transfer" doing="Moving" onSubmit={onSubmit}>
      <SelectInput
        label="To ward"
        value={targetWard}
        onChange={(event) => {
          setTargetWard(event.target.value);
          setBedId('');
        }}
        options={wards.map((ward) => ({ value: ward.id, label: ward.name }))}
      />
      <FreeBedSelect key={targetWard} free={free} label="To bed" value={bedId} onChange={setBedId} none="No free bed on that ward right now." />
      <FormFooter submit="Transfer patient" busy="Transferring…" {...footer} onCancel={onCancel} />
    </OccupantForm>
  );
}
