/**
 * What a doctor does with one appointment: check in, complete the visit, mark a no-show,
 * reschedule, or cancel — which asks for a reason and a confirmation before anything changes.
 * Reception (`reception`) gets check-in, reschedule and cancel only: the visit is the doctor's.
 */
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql/index.ts';
import { Button, ErrorMessage, TextInput } from '../../ui/index.ts';
import { RescheduleAppointment } from './RescheduleAppointment.tsx';
import { VisitButton } from '../clinical/VisitPanel.tsx';

const CheckIn = graphql(`
  mutation DoctorCheckIn($id: ID!) { checkInAppointment(id: $id) { id status } }
`);
const Complete = graphql(`
  mutation DoctorCompleteAppointment($id: ID!) { completeAppointment(id: $id) { id status } }
`);
const NoShow = graphql(`
  mutation DoctorMarkNoShow($id: ID!) { markNoShow(id: $id) { id status } }
`);
const Cancel = graphql(`
  mutation DoctorCancelAppointment($id: ID!, $reason: String) { cancelAppointment(id: $id, reason: $reason) { id status } }
`);

/** The appointment acted on. */
export interface ActionableAppointment {
  id: string;
  startsAt: string;
  endsAt: string;
  status: string;
}

/** The buttons for `appointment`; `who` names it for screen readers ("Ada Smith's appointment"). */
export function AppointmentActions({
  appointment,
  who,
  onChanged,
  reception = false,
}: {
  appointment: ActionableAppointment;
  who: string;
  onChanged(): void;
  reception?: boolean;
}) {
  const [checkIn, runCheckIn] = useMutation(CheckIn);
  const [complete, runComplete] = useMutation(Complete);
  const [noShow, runNoShow] = useMutation(NoShow);
  const [cancel, runCancel] = useMutation(Cancel);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const after = (promise: Promise<{ error?: unknown }>) => void promise.then((outcome) => (outcome.error ? undefined : onChanged()));
  const { id, status } = appointment;
  if (status !== 'SCHEDULED' && status !== 'CHECKED_IN') return null;

  const confirmCancel = () => {
    if (!reason.trim()) return setReasonMissing(true);
    after(runCancel({ id, reason: reason.trim() }));
  };

  return (
    <div>
      <span className="flex flex-wrap gap-2">
        {status === 'SCHEDULED' ? (
          <>
            <Button look="secondary" onClick={() => after(runCheckIn({ id }))} aria-label={`Check in ${who}`}>
              Check in
            </Button>
            {reception ? null : (
              <Button look="secondary" onClick={() => after(runNoShow({ id }))} aria-label={`Mark ${who} as no-show`}>
                No-show
              </Button>
            )}
            <RescheduleAppointment appointment={appointment} who={who} onRescheduled={onChanged} />
          </>
        ) : reception ? null : (
          <Button onClick={() => after(runComplete({ id }))} aria-label={`Complete ${who}`}>
            Complete visit
          </Button>
        )}
        <Button look="danger" onClick={() => setCancelling(true)} aria-label={`Cancel ${who}`} aria-expanded={cancelling}>
          Cancel
        </Button>
      </span>
      {cancelling ? (
        <div role="group" aria-label={`Cancel ${who}?`} className="mt-2 rounded border border-red-200 bg-red-50 p-2">
          <TextInput
            label="Reason for cancelling"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={reasonMissing ? 'Give the reason for cancelling.' : undefined}
            autoFocus
          />
          <span className="flex gap-2">
            <Button look="danger" onClick={confirmCancel} disabled={cancel.fetching}>
              Confirm cancellation
            </Button>
            <Button look="secondary" onClick={() => setCancelling(false)}>
              Keep appointment
            </Button>
          </span>
        </div>
      ) : null}
      <ErrorMessage error={checkIn.error ?? complete.error ?? noShow.error ?? cancel.error} />
      {status === 'CHECKED_IN' && !reception ? <VisitButton appointmentId={id} who={who} onClosed={onChanged} /> : null}
    </div>
  );
}
