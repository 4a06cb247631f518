/** Refunds part or all of one payment, with the reason the ledger keeps. */
import { useState } from 'react';
import { FormFooter, TextInput, useMutationForm } from '../../ui/index.ts';
import { compareMinor, formatMoney, minorToInput, parseMoneyInput, type MoneyValue } from '../shared/money.ts';
import { FinanceRefundPayment } from './finance-documents.ts';

/** The form for `paymentId`; `remaining` (paid minus refunded) prefills and bounds the amount. */
export function RefundForm({
  paymentId,
  remaining,
  onRefunded,
  onCancel,
}: {
  paymentId: string;
  remaining: MoneyValue;
  onRefunded: (message: string) => void;
  onCancel: () => void;
}) {
  const [amount, setAmount] = useState(() => minorToInput(remaining.amountMinor, remaining.currency));
  const [reason, setReason] = useState('');
  const { send: refund, submit, footer } = useMutationForm(FinanceRefundPayment);

  const onSubmit = submit(async (refuse) => {
    const minor = parseMoneyInput(amount, remaining.currency);
    if (minor === null || compareMinor(minor, '0') <= 0) return refuse('Enter an amount above zero.');
    if (compareMinor(minor, remaining.amountMinor) > 0) return refuse(`At most ${formatMoney(remaining)} can be refunded from this payment.`);
    if (reason.trim() === '') return refuse('Give the reason for the refund.');
    const result = await refund({ paymentId, amount: { amountMinor: minor, currency: remaining.currency }, reason: reason.trim() });
    if (result.data)
      onRefunded(
        `Refunded ${formatMoney({ amountMinor: minor, currency: remaining.currency })}; the invoice balance is now ${formatMoney(result.data.refundPayment.invoice.balance)}.`,
      );
  });

  return (
    <form onSubmit={onSubmit} aria-label="Refund a payment" noValidate className="max-w-md rounded border border-amber-200 bg-amber-50 p-3">
      <TextInput
        label={`Refund amount (${remaining.currency})`}
        inputMode="decimal"
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
        hint={`At most ${formatMoney(remaining)}`}
        required
      />
      <TextInput label="Reason for refund" value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} required />
      <FormFooter submit="Refund" busy="Refunding…" look="danger" {...footer} onCancel={onCancel} />
    </form>
  );
}
