/**
 * Records a delivery: drug, lot number, units and expiry. A known lot is topped up when the expiry
 * matches; an expired delivery or a mismatched expiry comes back as BAD_USER_INPUT beside the form.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage, FormFooter, SelectInput, TextInput } from '../../ui/index.ts';
import { formatDate, todayIso } from '../../time/hospital-time.ts';
import type { StockDrug } from './DrugStock.tsx';
import { PharmacyDrugStock, PharmacyReceiveStock } from './pharmacist-documents.ts';

/** The form; `preset` is the drug chosen from the stock table, if any. */
export function ReceiveStockForm({ preset, onReceived }: { preset: StockDrug | null; onReceived: (message: string) => void }) {
  const [catalogue] = useQuery({ query: PharmacyDrugStock, variables: { search: null } });
  const [drugId, setDrugId] = useState(preset?.id ?? '');
  const [lotNumber, setLotNumber] = useState('');
  const [quantity, setQuantity] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [state, receive] = useMutation(PharmacyReceiveStock);

  useEffect(() => {
    if (preset) setDrugId(preset.id);
  }, [preset]);

  const options = (catalogue.data?.drugs.edges ?? []).map(({ node }) => ({ value: node.id, label: `${node.name} ${node.strength}` }));
  if (preset && !options.some((option) => option.value === preset.id)) options.unshift({ value: preset.id, label: `${preset.name} ${preset.strength}` });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const units = Number(quantity);
    if (!drugId) return setProblem('Choose the drug delivered.');
    if (lotNumber.trim() === '') return setProblem('Give the lot number printed on the pack.');
    if (!Number.isInteger(units) || units < 1) return setProblem('Units received must be a whole number above zero.');
    if (!expiresOn) return setProblem('Give the expiry date.');
    setProblem(null);
    const result = await receive({ input: { drugId, lotNumber: lotNumber.trim(), quantity: units, expiresOn } });
    if (result.data) {
      const lot = result.data.receiveStock;
      onReceived(`Received ${units} units into lot ${lot.lotNumber} of ${lot.drug.name} (expires ${formatDate(lot.expiresOn)}); ${lot.drug.stockOnHand} on hand now.`);
      setLotNumber('');
      setQuantity('');
      setExpiresOn('');
    }
  };

  return (
    <form onSubmit={onSubmit} aria-label="Receive stock" noValidate className="max-w-xl">
      <SelectInput
        label="Drug"
        value={drugId}
        onChange={(event) => setDrugId(event.target.value)}
        options={[{ value: '', label: catalogue.fetching ? 'Loading drugs…' : 'Choose a drug…' }, ...options]}
      />
      <ErrorMessage error={catalogue.error} />
      <TextInput label="Lot number" value={lotNumber} onChange={(event) => setLotNumber(event.target.value)} autoComplete="off" required />
      <div className="flex gap-4">
        <div className="w-40">
          <TextInput label="Units received" type="number" min={1} step={1} value={quantity} onChange={(event) => setQuantity(event.target.value)} required />
        </div>
        <div className="w-48">
          <TextInput label="Expiry date" type="date" min={todayIso()} value={expiresOn} onChange={(event) => setExpiresOn(event.target.value)} required />
        </div>
      </div>
      <FormFooter submit="Receive stock" busy="Saving…" pending={state.fetching} problem={problem} error={state.error} />
    </form>
  );
}
