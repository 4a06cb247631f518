/** Invoices by status, newest first, a page at a time; each row opens the invoice. */
import { useMemo } from 'react';
import { useQuery } from 'urql';
import type { InvoiceStatus } from '../../gql/graphql.ts';
import { Button, PagedTable, SelectInput, useCursorPages, usePageFilter } from '../../ui/index.ts';
import { enumLabel, enumOptions } from '../shared/format.ts';
import { formatDateTime } from '../../time/hospital-time.ts';
import { formatMoney } from '../shared/money.ts';
import { FinanceInvoices } from './finance-documents.ts';

const STATUSES: readonly InvoiceStatus[] = ['PARTIALLY_PAID', 'ISSUED', 'DRAFT', 'PAID', 'VOID'];

/** The list; `onOpen` shows one invoice. */
export function InvoiceList({ onOpen }: { onOpen: (invoiceId: string) => void }) {
  // All statuses first: an invoice paid in part moves from "Issued" to "Partially paid" and must not seem to vanish.
  const pages = useCursorPages();
  const [status, setStatus] = usePageFilter<InvoiceStatus | ''>(pages, '');
  // A new invoice must show up even when the filtered page was empty (no Invoice in it yet).
  const context = useMemo(() => ({ additionalTypenames: ['Invoice'] }), []);
  const [result] = useQuery({ query: FinanceInvoices, variables: { status: status || null, after: pages.after }, context });

  return (
    <div>
      <div className="w-64">
        <SelectInput
          label="Status"
          value={status}
          onChange={(event) => setStatus(event.target.value as InvoiceStatus | '')}
          options={[{ value: '', label: 'All statuses' }, ...enumOptions(STATUSES)]}
        />
      </div>
      <PagedTable
        result={result}
        loading="Loading invoices…"
        page={result.data?.invoices}
        pages={pages}
        noun="invoice"
        caption="Invoices"
        rowKey={(row) => row.id}
        empty={status ? `No ${enumLabel(status).toLowerCase()} invoices.` : 'No invoices yet.'}
        columns={[
          { header: 'Number', cell: (row) => row.number ?? 'Draft' },
          { header: 'Patient', cell: (row) => `${row.patient.fullName} (${row.patient.mrn})` },
          { header: 'Status', cell: (row) => enumLabel(row.status) },
          { header: 'Total', cell: (row) => formatMoney(row.total) },
          { header: 'Balance', cell: (row) => formatMoney(row.balance) },
          { header: 'Date', cell: (row) => formatDateTime(row.issuedAt ?? row.createdAt) },
          {
            header: 'Action',
            cell: (row) => (
              <Button look="secondary" onClick={() => onOpen(row.id)} aria-label={`Open invoice ${row.number ?? 'draft'} of ${row.patient.fullName}`}>
                Open
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
