/**
 * One invoice, printable as the invoice (or, once paid, the receipt): its lines and totals and the
 * payments with their refunds. Around it, not printed: on a draft, add and remove lines and issue
 * it; while something is owed, record a payment; void with a reason; print.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Button, ErrorMessage, MissingRecord, Notice, useOpened } from '../../ui/index.ts';
import { enumLabel } from '../shared/format.ts';
import { formatDate, formatDateTime } from '../../time/hospital-time.ts';
import { AddLineForm } from './AddLineForm.tsx';
import { FinanceInvoice, FinanceIssueInvoice } from './finance-documents.ts';
import { InvoiceLines } from './InvoiceLines.tsx';
import { PaymentsTable } from './PaymentsTable.tsx';
import { RecordPaymentForm } from './RecordPaymentForm.tsx';
import { VoidInvoiceForm } from './VoidInvoiceForm.tsx';

/** The panel for `invoiceId`. */
export function InvoicePanel({ invoiceId, onClose }: { invoiceId: string; onClose: () => void }) {
  const [result] = useQuery({ query: FinanceInvoice, variables: { id: invoiceId } });
  const [issueState, issue] = useMutation(FinanceIssueInvoice);
  const voiding = useOpened();
  const [notice, setNotice] = useState<string | null>(null);

  const invoice = result.data?.invoice;
  if (!invoice || result.error) return <MissingRecord result={result} loading="Loading invoice…" missing="This invoice could not be found." />;
  const draft = invoice.status === 'DRAFT';
  const payable = invoice.status === 'ISSUED' || invoice.status === 'PARTIALLY_PAID';
  const label = invoice.number ? `Invoice ${invoice.number}` : 'Draft invoice';
  const onIssue = async () => {
    const issued = await issue({ id: invoice.id });
    if (issued.data) setNotice(`Issued as ${issued.data.issueInvoice.number ?? 'a numbered invoice'}.`);
  };

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-2 print:hidden">
        {draft ? (
          <Button onClick={() => void onIssue()} disabled={issueState.fetching || invoice.lines.length === 0}>
            {issueState.fetching ? 'Issuing…' : 'Issue invoice'}
          </Button>
        ) : null}
        <Button look="secondary" onClick={() => window.print()}>
          {invoice.status === 'PAID' ? 'Print receipt' : 'Print invoice'}
        </Button>
        {invoice.status !== 'VOID' && !voiding.value ? (
          <Button look="secondary" onClick={() => voiding.open(true)}>
            Void invoice
          </Button>
        ) : null}
        <Button look="secondary" onClick={onClose}>
          Close invoice
        </Button>
      </div>
      <ErrorMessage error={issueState.error} />
      <Notice className="print:hidden">{notice}</Notice>
      {voiding.value ? <VoidInvoiceForm invoiceId={invoice.id} label={label} onCancel={voiding.close} onVoided={voiding.closeAnd(setNotice)} /> : null}

      <article aria-label={label} className="mt-3">
        <p className="hidden text-lg font-semibold print:block">Hospital · {invoice.status === 'PAID' ? 'Receipt' : 'Invoice'}</p>
        <h3 className="text-lg font-semibold">
          {label} · {enumLabel(invoice.status)}
        </h3>
        <p className="mb-3 text-sm">
          {invoice.patient.fullName} · {invoice.patient.mrn} · born {formatDate(invoice.patient.dateOfBirth)}
          <br />
          Created {formatDateTime(invoice.createdAt)}
          {invoice.issuedAt ? ` · issued ${formatDateTime(invoice.issuedAt)}` : ''}
          {invoice.voidedAt ? ` · voided ${formatDateTime(invoice.voidedAt)}: ${invoice.voidReason ?? ''}` : ''}
        </p>
        <InvoiceLines invoice={invoice} editable={draft} onChanged={setNotice} />
        <h4 className="mb-1 mt-4 font-semibold">Payments</h4>
        <PaymentsTable payments={invoice.payments} refundable={invoice.status !== 'VOID'} onRefunded={setNotice} />
      </article>

      {draft ? (
        <div className="mt-4">
          <h4 className="mb-1 font-semibold print:hidden">Add a line</h4>
          <AddLineForm invoiceId={invoice.id} currency={invoice.currency} onAdded={setNotice} />
        </div>
      ) : null}
      {payable ? (
        <div className="print:hidden">
          <h4 className="mb-1 mt-4 font-semibold">Record a payment</h4>
          {/* A new form (and key) per outstanding balance, so the prefilled amount follows it. */}
          <RecordPaymentForm key={`${invoice.id}:${invoice.balance.amountMinor}`} invoiceId={invoice.id} balance={invoice.balance} onRecorded={setNotice} />
        </div>
      ) : null}
    </div>
  );
}
