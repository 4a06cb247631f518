/** Adds a line to a draft invoice: service code, description, quantity, unit price in the invoice's currency, tax rate in percent. */
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormFooter, TextInput, useFields } from '../../ui/index.ts';
import { FinanceAddInvoiceLine } from './finance-documents.ts';
import { lineInputSchema } from './line-input.ts';

const EMPTY = { code: '', description: '', quantity: '1', unitPrice: '', taxRate: '0' };
type Fields = typeof EMPTY;

/** The form for draft `invoiceId` billed in `currency`. */
export function AddLineForm({ invoiceId, currency, onAdded }: { invoiceId: string; currency: string; onAdded: (message: string) => void }) {
  const { fields, setFields, set } = useFields<Fields>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Fields, string>>>({});
  const [state, add] = useMutation(FinanceAddInvoiceLine);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    const parsed = lineInputSchema(currency).safeParse(fields);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message])));
      return;
    }
    setErrors({});
    const { taxRate, ...line } = parsed.data;
    const result = await add({ invoiceId, input: { ...line, taxRateBasisPoints: taxRate } });
    if (result.data) {
      setFields(EMPTY);
      onAdded(`Line ${line.code} added.`);
    }
  };

  return (
    <form onSubmit={onSubmit} aria-label="Add a line" noValidate className="rounded border border-slate-200 p-3 print:hidden">
      <div className="grid gap-x-3 sm:grid-cols-2 lg:grid-cols-5">
        <TextInput label="Service code" value={fields.code} onChange={set('code')} error={errors.code} maxLength={32} />
        <div className="lg:col-span-2">
          <TextInput label="Description" value={fields.description} onChange={set('description')} error={errors.description} maxLength={200} />
        </div>
        <TextInput label="Quantity" inputMode="numeric" value={fields.quantity} onChange={set('quantity')} error={errors.quantity} />
        <TextInput label={`Unit price (${currency})`} inputMode="decimal" value={fields.unitPrice} onChange={set('unitPrice')} error={errors.unitPrice} />
        <TextInput label="Tax rate (%)" inputMode="decimal" value={fields.taxRate} onChange={set('taxRate')} error={errors.taxRate} />
      </div>
      <FormFooter submit="Add line" busy="Adding…" pending={state.fetching} error={state.error} />
    </form>
  );
}
