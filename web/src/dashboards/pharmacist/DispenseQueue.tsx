/**
 * Prescriptions waiting to be dispensed, oldest first. Opening one shows the patient to confirm
 * before dispensing, and lets the pharmacist query the prescriber or reject it with a reason.
 */
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Button, Loaded, nodesOf, Table, useOpened } from '../../ui/index.ts';
import { formatDateTime } from '../../time/hospital-time.ts';
import { PharmacyQueue } from './pharmacist-documents.ts';
import { PrescriptionReview } from './PrescriptionReview.tsx';

/** The queue table, and the opened prescription under it. */
export function DispenseQueue({ onDispensed }: { onDispensed: (message: string) => void }) {
  // An empty queue has no Prescription in it for the cache to notice: name the type.
  const context = useMemo(() => ({ additionalTypenames: ['Prescription'] }), []);
  const [result] = useQuery({ query: PharmacyQueue, context });
  const review = useOpened<string>();

  const rows = nodesOf(result.data?.prescriptions);
  const open = rows.find((row) => row.id === review.value) ?? null;

  return (
    <Loaded result={result} loading="Loading the dispensing queue…">
      <Table
        caption="Prescriptions waiting to be dispensed"
        rows={rows}
        rowKey={(row) => row.id}
        empty="No prescriptions are waiting to be dispensed."
        columns={[
          { header: 'Prescribed', cell: (row) => formatDateTime(row.prescribedAt) },
          {
            header: 'Patient',
            cell: (row) => (
              <>
                {row.patient.fullName} <span className="text-slate-500">({row.patient.mrn})</span>
                {row.patient.allergies.length > 0 ? <div className="text-xs text-red-800">Allergies: {row.patient.allergies.join(', ')}</div> : null}
              </>
            ),
          },
          {
            header: 'Drug',
            cell: (row) => (
              <>
                {row.drug.name} {row.drug.strength}
                {row.allergyOverride ? <div className="text-xs text-amber-800">Allergy override: {row.allergyOverride.reason}</div> : null}
                {row.review?.action === 'QUERY' ? <div className="text-xs text-sky-800">Queried: {row.review.reason}</div> : null}
              </>
            ),
          },
          { header: 'Dose', cell: (row) => `${row.dose}, ${row.frequency}, ${row.durationDays} days` },
          { header: 'Quantity', cell: (row) => row.quantity },
          { header: 'In stock', cell: (row) => <span className={row.drug.stockOnHand < row.quantity ? 'font-semibold text-red-800' : ''}>{row.drug.stockOnHand}</span> },
          { header: 'Prescriber', cell: (row) => row.prescriber.displayName },
          {
            header: 'Action',
            cell: (row) => (
              <Button onClick={() => review.open(row.id)} aria-label={`Open ${row.quantity} × ${row.drug.name} for ${row.patient.fullName}`}>
                Open
              </Button>
            ),
          },
        ]}
      />
      {open ? <PrescriptionReview key={open.id} row={open} onClose={review.close} onDone={review.closeAnd(onDispensed)} /> : null}
    </Loaded>
  );
}
