/** Opens a draft invoice: pick the patient (search as you type) and the currency. */
import { useState } from 'react';
import { FormFooter, SelectInput, useMutationForm } from '../../ui/index.ts';
import { PatientPicker, type PickedPatient } from '../shared/PatientPicker.tsx';
import { FinanceCreateInvoice } from './finance-documents.ts';

/** Currencies offered; the API takes any ISO 4217 code, the hospital bills in these. */
export const BILLING_CURRENCIES = ['EUR', 'GBP', 'USD', 'CHF'] as const;

/** The form; `onCreated` opens the new draft. */
export function CreateInvoiceForm({ onCreated }: { onCreated: (invoiceId: string) => void }) {
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [currency, setCurrency] = useState<string>('EUR');
  const { send: create, submit, footer } = useMutationForm(FinanceCreateInvoice);

  const onSubmit = submit(async (refuse) => {
    if (!patient) return refuse('Choose the patient to bill first.');
    const result = await create({ input: { patientId: patient.id, currency } });
    if (result.data) {
      setPatient(null);
      onCreated(result.data.createInvoice.id);
    }
  });

  return (
    <form onSubmit={onSubmit} aria-label="New invoice" noValidate className="max-w-xl">
      <PatientPicker label="Patient to bill" value={patient} onChange={setPatient} />
      <div className="w-48">
        <SelectInput
          label="Currency"
          value={currency}
          onChange={(event) => setCurrency(event.target.value)}
          options={BILLING_CURRENCIES.map((code) => ({ value: code, label: code }))}
        />
      </div>
      <FormFooter submit="Create draft invoice" busy="Creating…" {...footer} />
    </form>
  );
}
