/**
 * Finance's morning view: invoices by status, a patient's balance, and the open invoice with
 * its payments, where payments are recorded and refunded. No clinical data is read here.
 */
import { useEffect, useRef, useState } from 'react';
import { Section } from '../ui/index.ts';
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
            <InvoicePanel invoiceId={invoiceId} onClose={() => setInvoiceId(null)} />
          </Section>
        </div>
      ) : null}
      <Section title="Invoices">
        <InvoiceList onOpen={setInvoiceId} />
      </Section>
      <Section title="Patient balance">
        <PatientBalance onOpen={setInvoiceId} />
      </Section>
    </div>
  );
}
