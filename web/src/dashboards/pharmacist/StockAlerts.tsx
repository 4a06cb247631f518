/** Low-stock drugs and lots expiring soon, with the threshold and horizon adjustable. */
import { useState } from 'react';
import { useQuery } from 'urql';
import { Loaded, Table, TextInput } from '../../ui/index.ts';
import { formatDate } from '../../time/hospital-time.ts';
import { PharmacyStockAlerts } from './pharmacist-documents.ts';

/** A whole number from a field, or the fallback while the field is blank or invalid. */
function wholeNumber(text: string, fallback: number, max: number): number {
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 && value <= max ? value : fallback;
}

/** Both alert lists. */
export function StockAlerts() {
  const [thresholdText, setThresholdText] = useState('20');
  const [daysText, setDaysText] = useState('30');
  const threshold = wholeNumber(thresholdText, 20, 1_000_000);
  const withinDays = wholeNumber(daysText, 30, 3650);
  const [result] = useQuery({ query: PharmacyStockAlerts, variables: { threshold, withinDays } });

  return (
    <div>
      <div className="flex flex-wrap gap-4">
        <div className="w-48">
          <TextInput label="Low stock below (units)" type="number" min={0} value={thresholdText} onChange={(event) => setThresholdText(event.target.value)} />
        </div>
        <div className="w-48">
          <TextInput label="Expiring within (days)" type="number" min={0} value={daysText} onChange={(event) => setDaysText(event.target.value)} />
        </div>
      </div>
      <Loaded result={result} loading="Loading stock alerts…">
        <div className="grid gap-4 md:grid-cols-2">
          <div>
            <h3 className="mb-1 font-semibold">Low stock</h3>
            <Table
              caption="Drugs low on stock"
              rows={result.data?.lowStock ?? []}
              rowKey={(drug) => drug.id}
              empty={`No drug is below ${threshold} units.`}
              columns={[
                { header: 'Drug', cell: (drug) => `${drug.name} ${drug.strength}` },
                { header: 'Code', cell: (drug) => drug.code },
                { header: 'On hand', cell: (drug) => <span className={drug.stockOnHand === 0 ? 'font-semibold text-red-800' : ''}>{drug.stockOnHand}</span> },
              ]}
            />
          </div>
          <div>
            <h3 className="mb-1 font-semibold">Expiring soon</h3>
            <Table
              caption="Lots expiring soon"
              rows={result.data?.expiringLots ?? []}
              rowKey={(lot) => lot.id}
              empty={`No lot expires within ${withinDays} days.`}
              columns={[
                { header: 'Drug', cell: (lot) => `${lot.drug.name} ${lot.drug.strength}` },
                { header: 'Lot', cell: (lot) => lot.lotNumber },
                { header: 'Units', cell: (lot) => lot.quantity },
                {
                  header: 'Expires',
                  cell: (lot) => (lot.expired ? <span className="font-semibold text-red-800">Expired {formatDate(lot.expiresOn)}</span> : formatDate(lot.expiresOn)),
                },
              ]}
            />
          </div>
        </div>
      </Loaded>
    </div>
  );
}
