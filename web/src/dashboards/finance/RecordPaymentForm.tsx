/**
 * Records a payment against an invoice. The idempotency key is made here, once per filled-in
 * form: a double click or a retry after a lost answer sends the same key, so the payment is
 * applied once; a successful payment or any edit of the form starts a new key.
 */
import { useState } from 'react';
import type { PaymentMethod } from '../../gql/graphql.ts';
import { FormFooter, SelectInput, TextInput, useMutationForm } from '../../ui/index.ts';
import { enumOptions } from '../shared/format.ts';
import { newIdempotencyKey } from '../shared/idempotency-key.ts';
import { compareMinor, formatMoney, minorToInput, parseMoneyInput, type MoneyValue } from '../shared/money.ts';
import { FinanceRecordPayment } from './finance-documents.ts';

const METHODS: readonly PaymentMethod[] = ['CARD', 'CASH', 'BANK_TRANSFER', 'INSURANCE'];

/** The form for `invoiceId`, whose outstanding `balance` prefills the amount. */
export function RecordPaymentForm({ invoiceId, balance, onRecorded }: { invoiceId: string; balance: MoneyValue; onRecorded: (message: string) => void }) {
  const [amount, setAmount] = useState(() => minorToInput(balance.amountMinor, balance.currency));
  const [method, setMethod] = useState<PaymentMethod>('CARD');
  const [key, setKey] = useState(newIdempotencyKey);
  const { send: record, submit, footer } = useMutationForm(FinanceRecordPayment);

  // Another amount or method is another payment: it must not reuse the key of the last attempt.
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setKey(newIdempotencyKey());
    };

  const onSubmit = submit(async (refuse) => {
    const minor = parseMoneyInput(amount, balance.currency);
    if (minor === null || compareMinor(minor, '0') <= 0) return refuse(`Enter an amount above zero, like ${minorToInput(balance.amountMinor, balance.currency)}.`);
    const result = await record({ input: { invoiceId, amount: { amountMinor: minor, currency: balance.currency }, method, idempotencyKey: key } });
    if (result.data) {
      const payment = result.data.recordPayment;
      setKey(newIdempotencyKey());
      onRecorded(`Payment of ${formatMoney(payment.amount)} recorded; ${formatMoney(payment.invoice.balance)} left to pay.`);
    }
  });

  return (
    <form onSubmit={onSubmit} aria-label="Record a payment" noValidate className="max-w-md">
      <TextInput
        label={`Amount (${balance.currency})`}
        inputMode="decimal"
        value={amount}
        onChange={(event) => edit(setAmount)(event.target.value)}
        hint={`Outstanding: ${formatMoney(balance)}`}
        required
      />
      <SelectInput label="Payment method" value={method} onChange={(event) => edit(setMethod)(event.target.value as PaymentMethod)} options={enumOptions(METHODS)} />
      <FormFooter submit="Record payment" busy="Recording…" {...footer} />
    </form>
  );
}
