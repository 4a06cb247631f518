/**
 * The pharmacist's morning view: the dispensing queue first, then stock alerts (low stock,
 * expiring lots), the stock list and the delivery form. Prescribing and cancelling are doctors'
 * work and are not offered here.
 */
import { useRef, useState } from 'react';
import { Section } from '../ui/index.ts';
import { DispenseQueue } from './pharmacist/DispenseQueue.tsx';
import { DrugStock, type StockDrug } from './pharmacist/DrugStock.tsx';
import { ReceiveStockForm } from './pharmacist/ReceiveStockForm.tsx';
import { StockAlerts } from './pharmacist/StockAlerts.tsx';

/** The pharmacist dashboard. */
export function PharmacistDashboard() {
  const [dispensed, setDispensed] = useState<string | null>(null);
  const [received, setReceived] = useState<string | null>(null);
  const [receiveDrug, setReceiveDrug] = useState<StockDrug | null>(null);
  const receiveSection = useRef<HTMLDivElement>(null);

  return (
    <div>
      <Section title="Waiting to be dispensed" notice={dispensed}>
        <DispenseQueue onDispensed={setDispensed} />
      </Section>
      <Section title="Stock alerts">
        <StockAlerts />
      </Section>
      <Section title="Stock">
        <DrugStock
          onReceive={(drug) => {
            setReceiveDrug(drug);
            setReceived(null);
            // Take keyboard users to the form the button opened.
            receiveSection.current?.scrollIntoView({ block: 'start' });
            receiveSection.current?.querySelector<HTMLInputElement>('input')?.focus();
          }}
        />
      </Section>
      <div ref={receiveSection}>
        <Section title="Receive stock" notice={received}>
          <ReceiveStockForm preset={receiveDrug} onReceived={setReceived} />
        </Section>
      </div>
    </div>
  );
}
