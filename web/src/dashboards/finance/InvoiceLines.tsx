/** An invoice's lines and totals; on a draft each line can be removed. */
import { useMutation } from 'urql';
import { Button, ErrorMessage, Table } from '../../ui/index.ts';
import { formatMoney, type MoneyValue } from '../shared/money.ts';
import { FinanceRemoveInvoiceLine } from './finance-documents.ts';
import { basisPointsToPercent } from './line-input.ts';

/** A line as the invoice query reads it. */
interface Line {
  id: string;
  code: string;
  description: string;
  quantity: number;
  taxRateBasisPoints: number;
  unitPrice: MoneyValue;
  lineTotal: MoneyValue;
  tax: MoneyValue;
}

/** The lines table and the totals under it. */
export function InvoiceLines({
  invoice,
  editable,
  onChanged,
}: {
  invoice: { id: string; lines: Line[]; subtotal: MoneyValue; tax: MoneyValue; total: MoneyValue; balance: MoneyValue };
  editable: boolean;
  onChanged: (message: string) => void;
}) {
  const [state, remove] = useMutation(FinanceRemoveInvoiceLine);
  const onRemove = async (line: Line) => {
    const result = await remove({ invoiceId: invoice.id, lineId: line.id });
    if (result.data) onChanged(`Line ${line.code} removed.`);
  };

  return (
    <>
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
          { header: 'Tax', cell: (line) => `${basisPointsToPercent(line.taxRateBasisPoints)} % (${formatMoney(line.tax)})` },
          { header: 'Line total', cell: (line) => formatMoney(line.lineTotal) },
          ...(editable
            ? [
                {
                  header: 'Action',
                  cell: (line: Line) => (
                    <Button look="secondary" onClick={() => void onRemove(line)} disabled={state.fetching} aria-label={`Remove line ${line.code}`}>
                      Remove
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ErrorMessage error={state.error} />
      <dl className="my-3 ml-auto grid max-w-sm grid-cols-2 gap-x-4 text-sm" aria-label="Totals">
        <dt>Subtotal</dt>
        <dd className="text-right">{formatMoney(invoice.subtotal)}</dd>
        <dt>Tax</dt>
        <dd className="text-right">{formatMoney(invoice.tax)}</dd>
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold">{formatMoney(invoice.total)}</dd>
        <dt className="font-semibold">Still owed</dt>
        <dd className="text-right font-semibold">{formatMoney(invoice.balance)}</dd>
      </dl>
    </>
  );
}
