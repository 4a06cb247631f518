/**
 * A patient's vital signs over time, newest first (up to 100 sets): each measurement with its
 * unit, abnormal values marked, and the NEWS2 of complete sets. Shown in the doctor's chart and
 * under the ward's bed board.
 */
import { useQuery } from 'urql';
import { ErrorMessage, Loading, Table } from '../../ui/index.ts';
import { formatDateTime } from '../../time/hospital-time.ts';
import { PatientVitals } from './clinical-documents.ts';
import { CARE_REFUSAL_WORDS } from './care-words.ts';

/** A measurement, bold and marked when the service flagged it abnormal. */
function value(set: { abnormal: readonly string[] }, name: string, shown: number | null | undefined) {
  if (shown === null || shown === undefined) return '—';
  return set.abnormal.includes(name) ? <strong className="text-red-800">{`${shown} !`}</strong> : String(shown);
}

/** The vital-signs table of `patientId`. */
export function VitalsChart({ patientId, who }: { patientId: string; who: string }) {
  const [result] = useQuery({ query: PatientVitals, variables: { id: patientId }, requestPolicy: 'cache-and-network' });
  if (result.fetching && !result.data) return <Loading label="Loading vital signs…" />;
  if (result.error) return <ErrorMessage error={result.error} overrides={CARE_REFUSAL_WORDS} />;
  const sets = result.data?.patient?.vitalSigns ?? [];
  return (
    <Table
      caption={`Vital signs of ${who}`}
      rows={sets}
      rowKey={(set) => set.id}
      empty="No vital signs recorded yet."
      columns={[
        { header: 'Recorded', cell: (set) => formatDateTime(set.recordedAt) },
        { header: 'Temp °C', cell: (set) => value(set, 'temperatureC', set.temperatureC) },
        { header: 'Pulse /min', cell: (set) => value(set, 'pulseBpm', set.pulseBpm) },
        { header: 'BP mmHg', cell: (set) => (set.systolicMmhg ? `${set.systolicMmhg}/${set.diastolicMmhg ?? '—'}` : '—') },
        { header: 'Resp /min', cell: (set) => value(set, 'respiratoryRate', set.respiratoryRate) },
        { header: 'SpO2 %', cell: (set) => value(set, 'spo2Percent', set.spo2Percent) },
        { header: 'O2', cell: (set) => (set.onOxygen ? 'Yes' : 'No') },
        { header: 'NEWS2', cell: (set) => (set.news2 ? `${set.news2.score} (${set.news2.risk.replace('_', '-').toLowerCase()})` : '—') },
      ]}
    />
  );
}
