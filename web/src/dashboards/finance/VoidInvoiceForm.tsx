/** Voids an invoice, with the reason the record keeps, after a confirmation. */
import { useState } from 'react';
import { FormFooter, TextInput, useMutationForm } from '../../ui/index.ts';
import { FinanceVoidInvoice } from './finance-documents.ts';

/** The form for `invoiceId` (named `label` in messages). */
export function VoidInvoiceForm({ invoiceId, label, onVoided, onCancel }: { invoiceId: string; label: string; onVoided: (message: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const { send: voidInvoice, submit, footer } = useMutationForm(FinanceVoidInvoice);

  const onSubmit = submit(async (refuse) => {
    if (reason.trim() === '') return refuse('Give the reason for voiding this invoice.');
    const result = await voidInvoice({ id: invoiceId, reason: reason.trim() });
    if (result.data) onVoided(`${label} voided.`);
  });

  return (
    <form onSubmit={onSubmit} aria-label="Void the invoice" noValidate className="mt-3 max-w-md rounded border border-red-200 bg-red-50 p-3 print:hidden">
      <TextInput label="Reason for voiding" value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} required />
      <p className="mb-2 text-sm text-red-900">A voided invoice keeps its number and can no longer be paid or changed.</p>
      <FormFooter submit="Confirm void" busy="Voiding…" look="danger" {...footer} onCancel={onCancel} cancel="Keep the invoice" />
    </form>
  );
}
