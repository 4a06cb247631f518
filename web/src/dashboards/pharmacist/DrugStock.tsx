/** The catalogue with units on hand, searchable by name or code; each row can start a delivery. */
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { Button, ErrorMessage, Loading, Table, TextInput } from '../../ui/index.ts';
import { enumLabel } from '../shared/format.ts';
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
  const [search, setSearch] = useState('');
  // Query after a short pause in typing, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const [result] = useQuery({ query: PharmacyDrugStock, variables: { search: search || null } });
  const drugs = result.data?.drugs.edges.map((edge) => edge.node) ?? [];

  return (
    <div>
      <div className="w-80">
        <TextInput label="Find drug" placeholder="Name or code" type="search" value={text} onChange={(event) => setText(event.target.value)} />
      </div>
      {result.fetching && !result.data ? (
        <Loading label="Loading stock…" />
      ) : result.error ? (
        <ErrorMessage error={result.error} />
      ) : (
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
                <Button look="secondary" onClick={() => onReceive(drug)} aria-label={`Receive stock of ${drug.name} ${drug.strength}`}>
                  Receive stock
                </Button>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
