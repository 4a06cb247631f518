/**
 * The lab tests of a visit: the patient's orders with the current result of each and its flag
 * against the reference range; while the visit is open, the doctor ticks catalogue tests to order
 * them, and a pending test takes its result (value in the test's unit). A result entered anywhere
 * (a nurse, an HL7 message) arrives live: each `labResultEvents` event re-reads the orders.
 * Without a visit (the chart's lab results, where an inbox notification leads) the list only reads.
 */
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { Button, Empty, ErrorMessage, TextInput } from '../../ui/index.ts';
import { EnterLabResult, LabTests, OrderLabTests, PatientLabOrders, PatientLabResultEvents } from './lab-documents.ts';
import { CARE_REFUSAL_WORDS } from './care-words.ts';

/** Flag → how it reads and looks (critical values stand out). */
const FLAG_LOOK: Record<string, { text: string; className: string }> = {
  NORMAL: { text: 'normal', className: 'text-slate-700' },
  LOW: { text: 'low', className: 'font-semibold text-amber-700' },
  HIGH: { text: 'high', className: 'font-semibold text-amber-700' },
  CRITICAL_LOW: { text: 'CRITICAL low', className: 'font-bold text-red-700' },
  CRITICAL_HIGH: { text: 'CRITICAL high', className: 'font-bold text-red-700' },
};

/**
 * The patient's lab orders and, in an open visit, the order form and result entry.
 * @param props.encounterId - the visit; left out for the chart's read-only list
 */
export function LabOrders({ encounterId, patientId, open = false }: { encounterId?: string; patientId: string; open?: boolean }) {
  const inVisit = encounterId !== undefined;
  const Heading = inVisit ? 'h5' : 'h3';
  const [orders, refetch] = useQuery({ query: PatientLabOrders, variables: { id: patientId }, requestPolicy: 'network-only' });
  const [catalogue] = useQuery({ query: LabTests, pause: !open || !inVisit });
  const [ordered, order] = useMutation(OrderLabTests);
  const [chosen, setChosen] = useState<string[]>([]);
  const reread = () => refetch({ requestPolicy: 'network-only' });
  const [live] = useSubscription({ query: PatientLabResultEvents, variables: { patientId } });
  const lastEvent = live.data?.labResultEvents.id;
  useEffect(() => {
    if (lastEvent) refetch({ requestPolicy: 'network-only' });
  }, [lastEvent, refetch]);
  const items = orders.data?.patient?.labOrders ?? [];
  const toggle = (code: string) => setChosen((now) => (now.includes(code) ? now.filter((c) => c !== code) : [...now, code]));
  const submit = async () => {
    if (!inVisit) return;
    const outcome = await order({ encounterId, loincCodes: chosen });
    if (!outcome.error) {
      setChosen([]);
      reread();
    }
  };
  return (
    <div className="mt-2">
      <Heading className={`flex items-baseline gap-2 font-semibold ${inVisit ? 'text-sm' : ''}`}>
        Lab tests
        <span aria-live="polite" className="text-xs font-normal text-slate-500">
          {live.error ? 'Live results paused — reconnecting…' : 'Live'}
        </span>
      </Heading>
      <ul aria-label="Lab results" className="text-sm">
        {items.map((item) => {
          const look = item.result ? FLAG_LOOK[item.result.flag] : undefined;
          return (
            <li key={item.id} className="flex flex-wrap items-baseline gap-2">
              <strong>{item.test.name}</strong>
              {item.result ? (
                <span className={look?.className}>
                  {item.result.value} {item.result.unit} ({look?.text ?? item.result.flag}){item.result.amendsResultId ? ' amended' : ''}
                </span>
              ) : !inVisit ? (
                <em>pending</em>
              ) : (
                <PendingResult orderId={item.id} name={item.test.name} unit={item.test.unit} onEntered={reread} />
              )}
              <span className="text-xs text-slate-600">
                ref {item.test.referenceLow}–{item.test.referenceHigh} {item.test.unit}
              </span>
            </li>
          );
        })}
      </ul>
      {!inVisit && orders.data && items.length === 0 ? <Empty>No lab tests ordered.</Empty> : null}
      {open && inVisit ? (
        <fieldset className="mt-1">
          <legend className="text-xs">Order tests</legend>
          {(catalogue.data?.labTests ?? []).map((test) => (
            <label key={test.loincCode} className="mr-3 inline-flex items-center gap-1 text-sm">
              <input type="checkbox" checked={chosen.includes(test.loincCode)} onChange={() => toggle(test.loincCode)} />
              {test.name}
            </label>
          ))}
          <Button look="secondary" onClick={() => void submit()} disabled={ordered.fetching || chosen.length === 0}>
            Order tests
          </Button>
        </fieldset>
      ) : null}
      <ErrorMessage error={orders.error ?? catalogue.error ?? ordered.error} overrides={CARE_REFUSAL_WORDS} />
    </div>
  );
}

/** A pending test: its result typed in the test's unit. */
function PendingResult({ orderId, name, unit, onEntered }: { orderId: string; name: string; unit: string; onEntered(): void }) {
  const [value, setValue] = useState('');
  const [entered, enter] = useMutation(EnterLabResult);
  const number = Number(value);
  const save = async () => {
    const outcome = await enter({ orderId, value: number, unit });
    if (!outcome.error) onEntered();
  };
  return (
    <span className="inline-flex items-baseline gap-1">
      <em>pending</em>
      <TextInput label={`${name} result (${unit})`} inputMode="decimal" value={value} onChange={(event) => setValue(event.target.value)} />
      <Button look="secondary" onClick={() => void save()} disabled={entered.fetching || value.trim() === '' || !Number.isFinite(number)}>
        Enter result
      </Button>
      <ErrorMessage error={entered.error} overrides={CARE_REFUSAL_WORDS} />
    </span>
  );
}
