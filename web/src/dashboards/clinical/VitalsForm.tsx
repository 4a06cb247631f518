/**
 * Ward staff chart vital signs from the bed board: the latest NEWS2 beside the occupant, and a form
 * for the next set. Impossible values come back as BAD_USER_INPUT naming the field; abnormal ones
 * are recorded and listed.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Button, ErrorMessage, SelectInput, TextInput } from '../../ui/index.ts';
import { PatientVitals, RecordVitals } from './clinical-documents.ts';
import { VitalsChart } from './VitalsChart.tsx';
import { CARE_REFUSAL_WORDS } from './care-words.ts';

/** The numeric fields of the form, with their labels (units included). */
const FIELDS = [
  ['temperatureC', 'Temperature (°C)', 'decimal'],
  ['pulseBpm', 'Pulse (beats/min)', 'numeric'],
  ['respiratoryRate', 'Respiratory rate (/min)', 'numeric'],
  ['spo2Percent', 'SpO2 (%)', 'numeric'],
  ['systolicMmhg', 'Systolic BP (mmHg)', 'numeric'],
  ['diastolicMmhg', 'Diastolic BP (mmHg)', 'numeric'],
  ['painScore', 'Pain (0-10)', 'numeric'],
] as const;

type FieldName = (typeof FIELDS)[number][0];

/**
 * The latest NEWS2 of a patient and the button that opens the form; `liveEventId` changes when a
 * set recorded elsewhere arrives live, and the score is re-read.
 */
export function VitalsCell({ patientId, who, liveEventId }: { patientId: string; who: string; liveEventId?: string | undefined }) {
  const [charting, setCharting] = useState(false);
  const [result, refetch] = useQuery({ query: PatientVitals, variables: { id: patientId } });
  useEffect(() => {
    if (liveEventId) refetch({ requestPolicy: 'network-only' });
  }, [liveEventId, refetch]);
  const latest = result.data?.patient?.vitalSigns[0];
  const score = latest?.news2;
  return (
    <div>
      <span className="mr-2 text-xs" aria-label={`NEWS2 of ${who}`}>
        {score ? `NEWS2 ${score.score} (${score.risk.replace('_', '-').toLowerCase()})` : 'NEWS2 —'}
      </span>
      <Button look="secondary" onClick={() => setCharting(!charting)} aria-expanded={charting} aria-label={`Record vitals of ${who}`}>
        Vitals
      </Button>
      {charting ? <VitalsChart patientId={patientId} who={who} /> : null}
      {charting ? (
        <VitalsForm
          patientId={patientId}
          who={who}
          onRecorded={() => {
            setCharting(false);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      ) : null}
    </div>
  );
}

/** The form for one set of vital signs. */
function VitalsForm({ patientId, who, onRecorded }: { patientId: string; who: string; onRecorded(): void }) {
  const [values, setValues] = useState<Partial<Record<FieldName, string>>>({});
  const [consciousness, setConsciousness] = useState<'' | 'ALERT' | 'CVPU'>('');
  const [onOxygen, setOnOxygen] = useState(false);
  const [recorded, record] = useMutation(RecordVitals);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const numbers = Object.fromEntries(Object.entries(values).flatMap(([name, text]) => (text?.trim() ? [[name, Number(text)]] : [])));
    // Not assessed: left out, so NEWS2 is not scored from a guess.
    const vitals = { ...numbers, onOxygen, consciousness: consciousness === '' ? null : consciousness };
    const outcome = await record({ patientId, vitals });
    if (!outcome.error) onRecorded();
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-label={`Vital signs of ${who}`} className="mt-2 grid grid-cols-2 gap-2 rounded border border-slate-200 p-2">
      {FIELDS.map(([name, label, mode]) => (
        <TextInput key={name} label={label} inputMode={mode} value={values[name] ?? ''} onChange={(event) => setValues({ ...values, [name]: event.target.value })} />
      ))}
      <SelectInput
        label="Consciousness (ACVPU)"
        value={consciousness}
        onChange={(event) => setConsciousness(event.target.value === 'ALERT' || event.target.value === 'CVPU' ? event.target.value : '')}
        options={[
          { value: '', label: 'Not assessed' },
          { value: 'ALERT', label: 'Alert' },
          { value: 'CVPU', label: 'New confusion, voice, pain or unresponsive' },
        ]}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={onOxygen} onChange={(event) => setOnOxygen(event.target.checked)} />
        On supplemental oxygen
      </label>
      <div className="col-span-2">
        <Button type="submit" disabled={recorded.fetching}>
          Record vitals
        </Button>
        <ErrorMessage error={recorded.error} overrides={CARE_REFUSAL_WORDS} />
      </div>
    </form>
  );
}
