/** An invoice's payments with their refunds; a payment not fully refunded can be refunded (not in print). */
import { Button, Table, useOpened } from '../../ui/index.ts';
import { enumLabel } from '../shared/format.ts';
import { formatDateTime } from '../../time/hospital-time.ts';
import { compareMinor, formatMoney, subtractMinor, type MoneyValue } from '../shared/money.ts';
import { RefundForm } from './RefundForm.tsx';

/** A payment as the invoice query reads it. */
interface Payment {
  id: string;
  method: string;
  receivedAt: string;
  amount: MoneyValue;
  refunded: MoneyValue;
  refunds: Array<{ id: string; reason: string; at: string; amount: MoneyValue }>;
}

/** The table and, once a "Refund" is pressed, the refund form. */
export function PaymentsTable({ payments, refundable, onRefunded }: { payments: Payment[]; refundable: boolean; onRefunded: (message: string) => void }) {
  const refunding = useOpened<string>();
  const payment = payments.find((candidate) => candidate.id === refunding.value);
  return (
    <>
      <Table
        caption="Payments"
        rows={payments}
        rowKey={(row) => row.id}
        empty="No payments recorded."
        columns={[
          { header: 'Received', cell: (row) => formatDateTime(row.receivedAt) },
          { header: 'Method', cell: (row) => enumLabel(row.method) },
          { header: 'Amount', cell: (row) => formatMoney(row.amount) },
          {
            header: 'Refunded',
            cell: (row) => (
              <>
                {formatMoney(row.refunded)}
                {row.refunds.map((refund) => (
                  <div key={refund.id} className="text-xs text-slate-600">
                    {formatMoney(refund.amount)} on {formatDateTime(refund.at)}: {refund.reason}
                  </div>
                ))}
              </>
            ),
          },
          {
            header: 'Action',
            cell: (row) =>
              refundable && compareMinor(row.refunded.amountMinor, row.amount.amountMinor) < 0 ? (
                <Button look="secondary" className="print:hidden" onClick={() => refunding.open(row.id)} aria-label={`Refund payment of ${formatMoney(row.amount)}`}>
                  Refund
                </Button>
              ) : null,
          },
        ]}
      />
      {payment ? (
        <div className="mt-3 print:hidden">
          <RefundForm
            key={payment.id}
            paymentId={payment.id}
            remaining={{ amountMinor: subtractMinor(payment.amount.amountMinor, payment.refunded.amountMinor), currency: payment.amount.currency }}
            onCancel={refunding.close}
            onRefunded={refunding.closeAnd(onRefunded)}
          />
        </div>
      ) : null}
    </>
  );
}
