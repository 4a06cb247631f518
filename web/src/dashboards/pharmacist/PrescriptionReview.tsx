/**
 * One prescription opened from the queue: the pharmacist confirms the patient (name, date of
 * birth, MRN read back) before dispensing, or queries the prescriber or rejects it with a reason
 * the doctor sees on the chart.
 */
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { CombinedError } from '@urql/core';
import { ROUTES } from '@hospital/grpc-contracts/prescribing';
import { apiFailureOf } from '../../api/index.ts';
import { Button, ErrorMessage, TextInput } from '../../ui/index.ts';
import { formatDate } from '../../time/hospital-time.ts';
import type { PharmacyQueueQuery } from '../../gql/graphql.ts';
import { PharmacyDispense, PharmacyQueryPrescription, PharmacyRejectPrescription } from './pharmacist-documents.ts';

/** A queue row. */
export type QueuedPrescription = PharmacyQueueQuery['prescriptions']['edges'][number]['node'];

/** The panel for `row`; `onDone` reports what happened and closes it. */
export function PrescriptionReview({ row, onDone, onClose }: { row: QueuedPrescription; onDone(message: string): void; onClose(): void }) {
  const [confirmed, setConfirmed] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [dispenseState, dispense] = useMutation(PharmacyDispense);
  const [queryState, query] = useMutation(PharmacyQueryPrescription);
  const [rejectState, reject] = useMutation(PharmacyRejectPrescription);
  const busy = dispenseState.fetching || queryState.fetching || rejectState.fetching;
  const what = `${row.quantity} × ${row.drug.name} for ${row.patient.fullName}`;

  const onDispense = async (event: FormEvent) => {
    event.preventDefault();
    if (!confirmed) return;
    const outcome = await dispense({ id: row.id });
    if (!outcome.error) onDone(`Dispensed ${what}.`);
  };
  const review = async (action: 'query' | 'reject') => {
    if (!reason.trim()) return setReasonMissing(true);
    setReasonMissing(false);
    const outcome = await (action === 'query' ? query : reject)({ id: row.id, reason: reason.trim() });
    if (!outcome.error)
      onDone(action === 'query' ? `Query sent to ${row.prescriber.displayName} about ${what}.` : `Rejected ${what}; ${row.prescriber.displayName} sees the reason.`);
  };

  return (
    <section aria-label={`Prescription for ${row.patient.fullName}`} className="mt-3 rounded-lg border border-sky-200 bg-sky-50/40 p-3">
      <h3 className="mb-2 font-semibold">
        {row.drug.name} {row.drug.strength} for {row.patient.fullName}
      </h3>
      <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt className="font-medium">Patient</dt>
        <dd>
          {row.patient.fullName}, born {formatDate(row.patient.dateOfBirth)}, {row.patient.mrn}
        </dd>
        <dt className="font-medium">Allergies</dt>
        <dd className={row.patient.allergies.length ? 'text-red-800' : ''}>{row.patient.allergies.join(', ') || 'none recorded'}</dd>
        <dt className="font-medium">Dose</dt>
        <dd>
          {row.dose}
          {row.route ? ` ${ROUTES[row.route]}` : ''}, {row.frequency}, {row.durationDays} days; {row.quantity} units ({row.drug.stockOnHand} in stock, unexpired)
        </dd>
        <dt className="font-medium">Prescriber</dt>
        <dd>{row.prescriber.displayName}</dd>
      </dl>
      <form onSubmit={onDispense} aria-label={`Dispense ${what}`}>
        <label className="mb-2 flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" className="h-5 w-5" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />I have confirmed the patient is{' '}
          {row.patient.fullName}, born {formatDate(row.patient.dateOfBirth)} ({row.patient.mrn}).
        </label>
        <ErrorMessage error={dispenseState.error} overrides={{ CONFLICT: conflictWords(dispenseState.error) }} />
        <Button type="submit" disabled={!confirmed || busy}>
          {dispenseState.fetching ? 'Dispensing…' : 'Confirm and dispense'}
        </Button>
      </form>
      <div className="mt-3 border-t border-slate-200 pt-3">
        <TextInput
          label="Reason for the prescriber"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={reasonMissing ? 'Give the reason the prescriber will read.' : undefined}
        />
        <ErrorMessage error={queryState.error ?? rejectState.error} />
        <div className="flex flex-wrap gap-2">
          <Button look="secondary" disabled={busy} onClick={() => void review('query')}>
            Query prescriber
          </Button>
          <Button look="danger" disabled={busy} onClick={() => void review('reject')}>
            Reject prescription
          </Button>
          <Button look="secondary" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
    </section>
  );
}

/** Not enough stock / already dispensed: the pharmacy service says which, in words for people. */
function conflictWords(error: CombinedError | undefined): string {
  const message = apiFailureOf(error)?.message;
  return message && !message.startsWith('{') ? `Cannot dispense: ${message}` : 'Cannot dispense: not enough stock, or it was already dispensed.';
}
