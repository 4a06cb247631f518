/**
 * Prescriptions waiting to be dispensed, oldest first, each with a Dispense button. A refusal
 * (not enough stock, already dispensed, cancelled) is shown in plain words on that row.
 */
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { CombinedError } from '@urql/core';
import { apiFailureOf } from '../../api/index.ts';
import { Button, ErrorMessage, Loading, Table } from '../../ui/index.ts';
import { formatDateTime } from '../shared/format.ts';
import { PharmacyDispense, PharmacyQueue } from './pharmacist-documents.ts';

/** The queue table. */
export function DispenseQueue({ onDispensed }: { onDispensed: (message: string) => void }) {
  // An empty queue has no Prescription in it for the cache to notice: name the type.
  const context = useMemo(() => ({ additionalTypenames: ['Prescription'] }), []);
  const [result] = useQuery({ query: PharmacyQueue, context });
  const [state, dispense] = useMutation(PharmacyDispense);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, CombinedError>>({});

  if (result.fetching && !result.data) return <Loading label="Loading the dispensing queue…" />;
  if (result.error) return <ErrorMessage error={result.error} />;
  const rows = result.data?.prescriptions.edges.map((edge) => edge.node) ?? [];

  const onDispense = async (id: string, label: string) => {
    setBusyId(id);
    setErrors(({ [id]: _old, ...rest }) => rest);
    const outcome = await dispense({ id });
    setBusyId(null);
    if (outcome.error) {
      const error = outcome.error;
      setErrors((current) => ({ ...current, [id]: error }));
    } else onDispensed(`Dispensed ${label}.`);
  };

  return (
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
            </>
          ),
        },
        { header: 'Dose', cell: (row) => `${row.dose}, ${row.frequency}, ${row.durationDays} days` },
        { header: 'Quantity', cell: (row) => row.quantity },
        { header: 'In stock', cell: (row) => <span className={row.drug.stockOnHand < row.quantity ? 'font-semibold text-red-800' : ''}>{row.drug.stockOnHand}</span> },
        { header: 'Prescriber', cell: (row) => row.prescriber.displayName },
        {
          header: 'Action',
          cell: (row) => {
            const label = `${row.quantity} × ${row.drug.name} for ${row.patient.fullName}`;
            return (
              <div className="min-w-40">
                <Button onClick={() => void onDispense(row.id, label)} disabled={busyId !== null} aria-label={`Dispense ${label}`}>
                  {busyId === row.id && state.fetching ? 'Dispensing…' : 'Dispense'}
                </Button>
                <ErrorMessage error={errors[row.id]} overrides={{ CONFLICT: conflictWords(errors[row.id]) }} />
              </div>
            );
          },
        },
      ]}
    />
  );
}

/** Not enough stock / already dispensed: the pharmacy service says which, in words for people. */
function conflictWords(error: CombinedError | undefined): string {
  const message = apiFailureOf(error)?.message;
  return message && !message.startsWith('{') ? `Cannot dispense: ${message}` : 'Cannot dispense: not enough stock, or it was already dispensed.';
}
