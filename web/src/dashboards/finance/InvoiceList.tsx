/** Invoices by status, newest first, a page at a time; each row opens the invoice. */
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import type { InvoiceStatus } from '../../gql/graphql.ts';
import { Button, ErrorMessage, Loading, SelectInput, Table } from '../../ui/index.ts';
import { enumLabel, enumOptions, formatDateTime } from '../shared/format.ts';
import { formatMoney } from '../shared/money.ts';
import { FinanceInvoices } from './finance-documents.ts';

const STATUSES: readonly InvoiceStatus[] = ['PARTIALLY_PAID', 'ISSUED', 'DRAFT', 'PAID', 'VOID'];

/** The list; `onOpen` shows one invoice. */
export function InvoiceList({ onOpen }: { onOpen: (invoiceId: string) => void }) {
  // All statuses first: an invoice paid in part moves from "Issued" to "Partially paid" and must not seem to vanish.
  const [status, setStatus] = useState<InvoiceStatus | ''>('');
  // Cursors of the pages before this one, so "Previous" can go back.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  // A new invoice must show up even when the filtered page was empty (no Invoice in it yet).
  const context = useMemo(() => ({ additionalTypenames: ['Invoice'] }), []);
  const [result] = useQuery({ query: FinanceInvoices, variables: { status: status || null, after }, context });
  const page = result.data?.invoices;
  const rows = page?.edges.map((edge) => edge.node) ?? [];

  return (
    <div>
      <div className="w-64">
        <SelectInput
          label="Status"
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as InvoiceStatus | '');
            setCursors([null]);
          }}
          options={[{ value: '', label: 'All statuses' }, ...enumOptions(STATUSES)]}
        />
      </div>
      {result.fetching && !result.data ? (
        <Loading label="Loading invoices…" />
      ) : result.error ? (
        <ErrorMessage error={result.error} />
      ) : (
        <>
          <Table
            caption="Invoices"
            rows={rows}
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
          <div className="mt-2 flex items-center gap-2 text-sm text-slate-600">
            <span>{page ? `${page.totalCount} invoice${page.totalCount === 1 ? '' : 's'}` : null}</span>
            {cursors.length > 1 ? (
              <Button look="secondary" onClick={() => setCursors((list) => list.slice(0, -1))}>
                Previous page
              </Button>
            ) : null}
            {page?.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
              <Button look="secondary" onClick={() => setCursors((list) => [...list, page.pageInfo.endCursor ?? null])}>
                Next page
              </Button>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
