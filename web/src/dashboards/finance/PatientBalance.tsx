/** A patient's balance: search, then what they owe per currency and their latest invoices. */
import { useState } from 'react';
import { useQuery } from 'urql';
import { Button, MissingRecord, Table } from '../../ui/index.ts';
import { PatientPicker, type PickedPatient } from '../shared/PatientPicker.tsx';
import { enumLabel } from '../shared/format.ts';
import { formatDateTime } from '../../time/hospital-time.ts';
import { formatMoney } from '../shared/money.ts';
import { FinancePatientBalance } from './finance-documents.ts';

/** The balance panel; `onOpen` shows one of the patient's invoices. */
export function PatientBalance({ onOpen }: { onOpen: (invoiceId: string) => void }) {
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [result] = useQuery({ query: FinancePatientBalance, variables: { id: patient?.id ?? '' }, pause: !patient });
  const record = result.data?.patient;

  return (
    <div>
      <PatientPicker label="Find patient" value={patient} onChange={setPatient} />
      {!patient ? null : !record || result.error ? (
        <MissingRecord result={result} loading="Loading balance…" missing="This patient record could not be found." />
      ) : (
        <>
          <p className="mb-2 text-base" aria-live="polite">
            Owes: <strong>{record.balance.length === 0 ? 'nothing' : record.balance.map((amount) => formatMoney(amount)).join(' + ')}</strong>
          </p>
          <Table
            caption={`Invoices of ${record.fullName}`}
            rows={record.invoices}
            rowKey={(row) => row.id}
            empty="This patient has no invoices."
            columns={[
              { header: 'Number', cell: (row) => row.number ?? 'Draft' },
              { header: 'Status', cell: (row) => enumLabel(row.status) },
              { header: 'Total', cell: (row) => formatMoney(row.total) },
              { header: 'Balance', cell: (row) => formatMoney(row.balance) },
              { header: 'Created', cell: (row) => formatDateTime(row.createdAt) },
              {
                header: 'Action',
                cell: (row) => (
                  <Button look="secondary" onClick={() => onOpen(row.id)} aria-label={`Open invoice ${row.number ?? 'draft'}`}>
                    Open
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
