/** The catalogue with units on hand, searchable by name or code; each row can start a delivery or open its lots and movements. */
import { useState } from 'react';
import { useQuery } from 'urql';
import { Button, Loaded, nodesOf, Table, TextInput } from '../../ui/index.ts';
import { enumLabel } from '../shared/format.ts';
import { useDebounced } from '../shared/use-debounced.ts';
import { DrugLedger } from './DrugLedger.tsx';
import { PharmacyDrugStock } from './pharmacist-documents.ts';

/** A drug as the receive form needs it. */
export interface StockDrug {
  id: string;
  name: string;
  strength: string;
}

/** The stock table; `onReceive` opens the receive form for a drug. */
export function DrugStock({ onReceive }: { onReceive: (drug: StockDrug) => void }) {
  const [text, setText] = useState('');
  // Query after a short pause in typing, not on every key.
  const search = useDebounced(text.trim());
  const [result] = useQuery({ query: PharmacyDrugStock, variables: { search: search || null } });
  const [ledgerOf, setLedgerOf] = useState<string | null>(null);
  const drugs = nodesOf(result.data?.drugs);

  return (
    <div>
      <div className="w-80">
        <TextInput label="Find drug" placeholder="Name or code" type="search" value={text} onChange={(event) => setText(event.target.value)} />
      </div>
      <Loaded result={result} loading="Loading stock…">
        <Table
          caption="Stock on hand"
          rows={drugs}
          rowKey={(drug) => drug.id}
          empty={search ? `No drug matches “${search}”.` : 'The catalogue is empty.'}
          columns={[
            { header: 'Drug', cell: (drug) => `${drug.name} ${drug.strength}` },
            { header: 'Code', cell: (drug) => drug.code },
            { header: 'Form', cell: (drug) => enumLabel(drug.form) },
            { header: 'On hand', cell: (drug) => drug.stockOnHand },
            { header: 'Lots', cell: (drug) => drug.lots.length },
            {
              header: 'Action',
              cell: (drug) => (
                <div className="flex flex-wrap gap-2">
                  <Button look="secondary" onClick={() => onReceive(drug)} aria-label={`Receive stock of ${drug.name} ${drug.strength}`}>
                    Receive stock
                  </Button>
                  <Button look="secondary" onClick={() => setLedgerOf(drug.id)} aria-label={`Lots and movements of ${drug.name} ${drug.strength}`}>
                    Lots and movements
                  </Button>
                </div>
              ),
            },
          ]}
        />
      </Loaded>
      {ledgerOf ? <DrugLedger key={ledgerOf} drugId={ledgerOf} onClose={() => setLedgerOf(null)} /> : null}
    </div>
  );
}
