/**
 * One invoice: its lines and totals, the payments with their refunds, and the forms to record a
 * payment (while something is owed) and to refund a payment.
 */
import { useState } from 'react';
import { useQuery } from 'urql';
import { Button, ErrorMessage, Loading, Table } from '../../ui/index.ts';
import { enumLabel, formatDateTime } from '../shared/format.ts';
import { compareMinor, formatMoney, subtractMinor } from '../shared/money.ts';
import { FinanceInvoice } from './finance-documents.ts';
import { RecordPaymentForm } from './RecordPaymentForm.tsx';
import { RefundForm } from './RefundForm.tsx';

/** The panel for `invoiceId`. */
export function InvoicePanel({ invoiceId, onClose }: { invoiceId: string; onClose: () => void }) {
  const [result] = useQuery({ query: FinanceInvoice, variables: { id: invoiceId } });
  const [refunding, setRefunding] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (result.fetching && !result.data) return <Loading label="Loading invoice…" />;
  if (result.error) return <ErrorMessage error={result.error} />;
  const invoice = result.data?.invoice;
  if (!invoice) return <p className="text-sm italic text-slate-500">This invoice could not be found.</p>;
  const payable = invoice.status === 'ISSUED' || invoice.status === 'PARTIALLY_PAID';
  const refundable = invoice.status !== 'VOID';

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <p>
          <strong>{invoice.number ?? 'Draft invoice'}</strong> · {invoice.patient.fullName} ({invoice.patient.mrn}) · {enumLabel(invoice.status)}
        </p>
        <Button look="secondary" onClick={onClose}>
          Close invoice
        </Button>
      </div>
      {notice ? (
        <p role="status" className="my-2 rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {notice}
        </p>
      ) : null}
      <Table
        caption="Invoice lines"
        rows={invoice.lines}
        rowKey={(line) => line.id}
        empty="No lines on this invoice yet."
        columns={[
          { header: 'Code', cell: (line) => line.code },
          { header: 'Description', cell: (line) => line.description },
          { header: 'Quantity', cell: (line) => line.quantity },
          { header: 'Unit price', cell: (line) => formatMoney(line.unitPrice) },
          { header: 'Line total', cell: (line) => formatMoney(line.lineTotal) },
        ]}
      />
      <dl className="my-3 grid max-w-sm grid-cols-2 gap-x-4 text-sm">
        <dt>Subtotal</dt>
        <dd className="text-right">{formatMoney(invoice.subtotal)}</dd>
        <dt>Tax</dt>
        <dd className="text-right">{formatMoney(invoice.tax)}</dd>
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold">{formatMoney(invoice.total)}</dd>
        <dt className="font-semibold">Still owed</dt>
        <dd className="text-right font-semibold">{formatMoney(invoice.balance)}</dd>
      </dl>

      <h3 className="mb-1 mt-4 font-semibold">Payments</h3>
      <Table
        caption="Payments"
        rows={invoice.payments}
        rowKey={(payment) => payment.id}
        empty="No payments recorded."
        columns={[
          { header: 'Received', cell: (payment) => formatDateTime(payment.receivedAt) },
          { header: 'Method', cell: (payment) => enumLabel(payment.method) },
          { header: 'Amount', cell: (payment) => formatMoney(payment.amount) },
          {
            header: 'Refunded',
            cell: (payment) => (
              <>
                {formatMoney(payment.refunded)}
                {payment.refunds.map((refund) => (
                  <div key={refund.id} className="text-xs text-slate-500">
                    {formatMoney(refund.amount)} on {formatDateTime(refund.at)}: {refund.reason}
                  </div>
                ))}
              </>
            ),
          },
          {
            header: 'Action',
            cell: (payment) =>
              refundable && compareMinor(payment.refunded.amountMinor, payment.amount.amountMinor) < 0 ? (
                <Button look="secondary" onClick={() => setRefunding(payment.id)} aria-label={`Refund payment of ${formatMoney(payment.amount)}`}>
                  Refund
                </Button>
              ) : null,
          },
        ]}
      />
      {(() => {
        const payment = invoice.payments.find((candidate) => candidate.id === refunding);
        if (!payment) return null;
        const remaining = { amountMinor: subtractMinor(payment.amount.amountMinor, payment.refunded.amountMinor), currency: payment.amount.currency };
        return (
          <div className="mt-3">
            <RefundForm
              key={payment.id}
              paymentId={payment.id}
              remaining={remaining}
              onCancel={() => setRefunding(null)}
              onRefunded={(message) => {
                setRefunding(null);
                setNotice(message);
              }}
            />
          </div>
        );
      })()}

      {payable ? (
        <>
          <h3 className="mb-1 mt-4 font-semibold">Record a payment</h3>
          {/* A new form (and key) per outstanding balance, so the prefilled amount follows it. */}
          <RecordPaymentForm key={`${invoice.id}:${invoice.balance.amountMinor}`} invoiceId={invoice.id} balance={invoice.balance} onRecorded={setNotice} />
        </>
      ) : null}
    </div>
  );
}
