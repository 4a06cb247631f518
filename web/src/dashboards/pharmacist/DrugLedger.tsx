/**
 * One drug's lots with a correction form per lot (signed change and a reason; an expired lot is
 * written off whole), and the stock movement history: who moved which lot, when and why.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Button, FormProblem, ErrorMessage, MissingRecord, Table, TextInput } from '../../ui/index.ts';
import { enumLabel } from '../shared/format.ts';
import { formatDate, formatDateTime } from '../../time/hospital-time.ts';
import { PharmacyAdjustStock, PharmacyDrugLedger } from './stock-documents.ts';

/** The ledger panel of `drugId`. */
export function DrugLedger({ drugId, onClose }: { drugId: string; onClose(): void }) {
  const [result, refetch] = useQuery({ query: PharmacyDrugLedger, variables: { drugId }, requestPolicy: 'cache-and-network' });
  const [adjusting, setAdjusting] = useState<{ lotId: string; lotNumber: string; delta: string; writeOff: boolean; expired: boolean } | null>(null);
  const drug = result.data?.drug;
  if (!drug || result.error) return <MissingRecord result={result} loading="Loading lots and movements…" missing="This drug is no longer in the catalogue." />;

  return (
    <section aria-label={`Lots and movements of ${drug.name}`} className="mt-3 rounded-lg border border-sky-200 p-3">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">
          {drug.name} {drug.strength}: {drug.stockOnHand} in stock (unexpired)
        </h3>
        <Button look="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
      <Table
        caption={`Lots of ${drug.name}`}
        rows={drug.lots}
        rowKey={(lot) => lot.id}
        empty="No lot holds stock."
        columns={[
          { header: 'Lot', cell: (lot) => lot.lotNumber },
          { header: 'Units', cell: (lot) => lot.quantity },
          {
            header: 'Expires',
            cell: (lot) => (lot.expired ? <span className="font-semibold text-red-800">{formatDate(lot.expiresOn)} (expired)</span> : formatDate(lot.expiresOn)),
          },
          {
            header: 'Action',
            cell: (lot) => (
              <div className="flex flex-wrap gap-2">
                <Button
                  look="secondary"
                  onClick={() => setAdjusting({ lotId: lot.id, lotNumber: lot.lotNumber, delta: '', writeOff: false, expired: lot.expired })}
                  aria-label={`Adjust lot ${lot.lotNumber}`}
                >
                  Adjust
                </Button>
                {lot.quantity > 0 ? (
                  <Button
                    look="danger"
                    onClick={() => setAdjusting({ lotId: lot.id, lotNumber: lot.lotNumber, delta: String(-lot.quantity), writeOff: true, expired: lot.expired })}
                    aria-label={`Write off lot ${lot.lotNumber}`}
                  >
                    Write off
                  </Button>
                ) : null}
              </div>
            ),
          },
        ]}
      />
      {adjusting ? (
        <AdjustLot
          key={`${adjusting.lotId}:${adjusting.writeOff}`}
          {...adjusting}
          onDone={() => {
            setAdjusting(null);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      ) : null}
      <h4 className="mt-3 font-semibold">Stock movements</h4>
      <Table
        caption={`Stock movements of ${drug.name}`}
        rows={result.data?.stockMovements ?? []}
        rowKey={(movement) => movement.id}
        empty="No movements yet."
        columns={[
          { header: 'When', cell: (m) => formatDateTime(m.at) },
          { header: 'What', cell: (m) => enumLabel(m.kind) },
          { header: 'Lot', cell: (m) => m.lotNumber },
          { header: 'Change', cell: (m) => (m.delta > 0 ? `+${m.delta}` : m.delta) },
          { header: 'After', cell: (m) => m.quantityAfter },
          { header: 'Why', cell: (m) => m.reason ?? '—' },
          { header: 'Who', cell: (m) => m.actor?.displayName ?? 'system' },
        ]}
      />
    </section>
  );
}

/** The correction form for one lot; a write-off is the whole quantity, with a reason. */
function AdjustLot({
  lotId,
  lotNumber,
  delta: initial,
  writeOff,
  expired,
  onDone,
}: {
  lotId: string;
  lotNumber: string;
  delta: string;
  writeOff: boolean;
  expired: boolean;
  onDone(): void;
}) {
  const [delta, setDelta] = useState(initial);
  // An expired lot's write-off says so; any other correction needs the pharmacist's own words.
  const [reason, setReason] = useState(writeOff && expired ? 'Expired: written off' : '');
  const [problem, setProblem] = useState<string | null>(null);
  const [state, adjust] = useMutation(PharmacyAdjustStock);
  const submit = async () => {
    const change = Number(delta);
    if (!Number.isInteger(change) || change === 0) return setProblem('Give a whole number of units, not zero (negative to remove).');
    if (!reason.trim()) return setProblem('Give the reason for the ledger.');
    setProblem(null);
    const outcome = await adjust({ input: { lotId, delta: change, reason: reason.trim() } });
    if (!outcome.error) onDone();
  };
  return (
    <div role="group" aria-label={`${writeOff ? 'Write off' : 'Adjust'} lot ${lotNumber}`} className="mt-2 rounded border border-slate-200 p-2">
      <div className="grid grid-cols-2 gap-2">
        <TextInput label="Change in units" type="number" value={delta} onChange={(event) => setDelta(event.target.value)} readOnly={writeOff} />
        <TextInput label="Reason" value={reason} onChange={(event) => setReason(event.target.value)} />
      </div>
      <FormProblem problem={problem} />
      <ErrorMessage error={state.error} />
      <Button onClick={() => void submit()} disabled={state.fetching}>
        {writeOff ? 'Confirm write-off' : 'Save adjustment'}
      </Button>
    </div>
  );
}
