/**
 * Books an appointment for the open patient with the signed-in doctor, or with `doctorId` when
 * reception (an administrator) books for a doctor; errors show under the form.
 */
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql/index.ts';
import { FormFooter, TextInput } from '../../ui/index.ts';
import { slotFrom } from './time.ts';
import { todayIso } from '../../time/hospital-time.ts';

const Book = graphql(`
  mutation DoctorBookAppointment($input: BookAppointmentInput!) {
    bookAppointment(input: $input) { id startsAt endsAt status reason }
  }
`);

/** The booking form for `patientId` (with `doctorId`, else the signed-in doctor); `onBooked` lets the chart refresh. */
export function BookAppointmentForm({ patientId, doctorId, onBooked }: { patientId: string; doctorId?: string; onBooked(): void }) {
  const [date, setDate] = useState(() => todayIso());
  const [time, setTime] = useState('');
  const [minutes, setMinutes] = useState('15');
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [result, book] = useMutation(Book);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const slot = slotFrom(date, time, Number(minutes));
    if (!slot) {
      setLocalError('Please choose a date, a start time and a length in minutes.');
      return;
    }
    setLocalError(null);
    const answer = await book({ input: { patientId, doctorId: doctorId || undefined, ...slot, reason: reason.trim() || undefined } });
    if (answer.data) {
      setDone('Appointment booked.');
      setTime('');
      setReason('');
      onBooked();
    }
  }

  return (
    <form onSubmit={submit} aria-label="Book an appointment" className="rounded border border-slate-200 p-3">
      <h3 className="mb-2 font-semibold">Book an appointment</h3>
      <div className="grid grid-cols-3 gap-2">
        <TextInput label="Date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        <TextInput label="Start time" type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
        <TextInput label="Length (minutes)" type="number" min={5} max={240} required value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      </div>
      <TextInput label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      <FormFooter
        submit="Book appointment"
        busy="Booking…"
        pending={result.fetching}
        error={localError ?? result.error}
        overrides={{ CONFLICT: `That time is already taken for ${doctorId ? 'the doctor' : 'you'} or the patient. Please choose another time.` }}
        notice={done}
      />
    </form>
  );
}
