/**
 * "Reschedule" next to Cancel on a scheduled appointment: the button opens a small inline form
 * (date, start, end) that moves the appointment. The mutation lives here, not in the list, so a
 * clash or a bad time is explained right next to the form that caused it.
 */
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql/index.ts';
import { Button, FormFooter, TextInput } from '../../ui/index.ts';
import { dateInputValue, timeInputValue, wallClockToInstant } from '../../time/hospital-time.ts';

const Reschedule = graphql(`
  mutation DoctorRescheduleAppointment($id: ID!, $startsAt: DateTime!, $endsAt: DateTime!) {
    rescheduleAppointment(id: $id, startsAt: $startsAt, endsAt: $endsAt) { id startsAt endsAt status }
  }
`);

/** The appointment being moved, as the lists already hold it. */
export interface ReschedulableAppointment {
  id: string;
  startsAt: string;
  endsAt: string;
}

/**
 * The button and, once opened, the form for `appointment`; `who` names it for screen readers
 * ("Ada Lovelace's appointment"), `onRescheduled` lets the list refresh.
 */
export function RescheduleAppointment({ appointment, who, onRescheduled }: { appointment: ReschedulableAppointment; who: string; onRescheduled(): void }) {
  const [open, setOpen] = useState(false);
  // Prefilled with the current slot: most moves change only one of the three values.
  const [date, setDate] = useState(() => dateInputValue(appointment.startsAt));
  const [start, setStart] = useState(() => timeInputValue(appointment.startsAt));
  const [end, setEnd] = useState(() => timeInputValue(appointment.endsAt));
  const [localError, setLocalError] = useState<string | null>(null);
  const [result, reschedule] = useMutation(Reschedule);

  if (!open) {
    return (
      <Button look="secondary" onClick={() => setOpen(true)} aria-label={`Reschedule ${who}`}>
        Reschedule
      </Button>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const startsAt = wallClockToInstant(date, start);
    const endsAt = wallClockToInstant(date, end);
    if (!startsAt || !endsAt) {
      setLocalError('Please choose a date, a start time and an end time.');
      return;
    }
    if (endsAt <= startsAt) {
      setLocalError('The end time must be after the start time.');
      return;
    }
    setLocalError(null);
    const answer = await reschedule({ id: appointment.id, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() });
    if (answer.data) {
      setOpen(false);
      onRescheduled();
    }
  }

  return (
    <form onSubmit={submit} aria-label={`Reschedule ${who}`} className="mt-2 rounded border border-slate-200 p-2">
      <div className="grid grid-cols-3 gap-2">
        <TextInput label="New date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        <TextInput label="New start time" type="time" required value={start} onChange={(e) => setStart(e.target.value)} />
        <TextInput label="New end time" type="time" required value={end} onChange={(e) => setEnd(e.target.value)} />
      </div>
      <FormFooter
        submit="Save new time"
        busy="Saving…"
        pending={result.fetching}
        error={localError ?? result.error}
        overrides={{ CONFLICT: 'That time is already taken for you or the patient. Please choose another time.' }}
        onCancel={() => setOpen(false)}
        cancel="Keep current time"
      />
    </form>
  );
}
