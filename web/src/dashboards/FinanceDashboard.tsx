/**
 * Finance's day: invoices by status, a patient's balance, a new invoice, and the open invoice
 * (lines, issue, payments, refunds, void, print). No clinical data is read here. When printing,
 * only the open invoice is on the page.
 */
import { useEffect, useRef, useState } from 'react';
import { Section } from '../ui/index.ts';
import { CreateInvoiceForm } from './finance/CreateInvoiceForm.tsx';
import { InvoiceList } from './finance/InvoiceList.tsx';
import { InvoicePanel } from './finance/InvoicePanel.tsx';
import { PatientBalance } from './finance/PatientBalance.tsx';

/** The finance dashboard. */
export function FinanceDashboard() {
  const [invoiceId, setInvoiceId] = useState<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);

  // Bring the opened invoice into view and focus, so keyboard users continue there.
  useEffect(() => {
    if (!invoiceId) return;
    panel.current?.scrollIntoView({ block: 'start' });
    panel.current?.focus();
  }, [invoiceId]);

  return (
    <div>
      {invoiceId ? (
        <div ref={panel} tabIndex={-1} className="focus:outline-none">
          <Section title="Invoice">
            <InvoicePanel key={invoiceId} invoiceId={invoiceId} onClose={() => setInvoiceId(null)} />
          </Section>
        </div>
      ) : null}
      <div className={invoiceId ? 'print:hidden' : ''}>
        <Section title="Invoices">
          <InvoiceList onOpen={setInvoiceId} />
        </Section>
        <Section title="New invoice">
          <CreateInvoiceForm onCreated={setInvoiceId} />
        </Section>
        <Section title="Patient balance">
          <PatientBalance onOpen={setInvoiceId} />
        </Section>
      </div>
    </div>
  );
}
