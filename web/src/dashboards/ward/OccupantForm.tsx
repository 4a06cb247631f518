/** The frame both forms on an admitted patient share (transfer, discharge): named after the action and the patient, saying who leaves which bed. */
import type { FormEvent, ReactNode } from 'react';
import type { Occupant } from './BedBoard.tsx';

/**
 * A form on `occupant`, its fields the children.
 * @param action - the form's accessible name before the patient's ("Discharge", "Transfer")
 * @param doing - the first word of the line that names the patient ("Discharging", "Moving")
 */
export function OccupantForm({
  occupant,
  action,
  doing,
  onSubmit,
  children,
}: {
  occupant: Occupant;
  action: string;
  doing: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} aria-label={`${action} ${occupant.patient.fullName}`} noValidate>
      <p className="mb-3 text-sm">
        {doing} <strong>{occupant.patient.fullName}</strong> ({occupant.patient.mrn}) from bed {occupant.bedLabel}.
      </p>
      {children}
    </form>
  );
}
