/**
 * The audit trail of patient-data access: by patient, by user and by date range, newest first, a
 * page at a time, under the state of the trail's hash chain (intact, or where it breaks).
 */
import { useQuery } from 'urql';
import { ErrorMessage, Loading, PagedTable, TextInput, useCursorPages, usePageFilter } from '../../ui/index.ts';
import { enumLabel } from '../shared/format.ts';
import { addDaysIso, dayBounds, formatDateTime, wallClockToInstant } from '../../time/hospital-time.ts';
import { PatientPicker, type PickedPatient } from '../shared/PatientPicker.tsx';
import { AdminAuditChainStatus, AdminAuditTrail } from './audit-documents.ts';
import { UserPicker, type PickedUser } from './UserPicker.tsx';

/** A hospital day (YYYY-MM-DD) as the instant it starts in the hospital's zone; `plusDays` moves it. */
function dayStart(day: string, plusDays = 0): string | null {
  if (!wallClockToInstant(day, '00:00')) return null;
  return dayBounds(addDaysIso(day, plusDays)).from.toISOString();
}

/** The chain's state in one line. */
function ChainStatus() {
  const [result] = useQuery({ query: AdminAuditChainStatus, requestPolicy: 'network-only' });
  const report = result.data?.auditChainStatus;
  if (result.error) return <ErrorMessage error={result.error} />;
  if (!report) return <Loading label="Checking the audit chain…" />;
  return report.ok ? (
    <p role="status" className="mb-3 rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      Audit chain intact: {report.records} records, each linked to the one before.
    </p>
  ) : (
    <p role="alert" className="mb-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      Audit chain broken at record {report.brokenSeq ?? '?'}: {report.problem ?? 'a record does not match its hash'}.
    </p>
  );
}

/** The viewer. */
export function AuditTrail() {
  const pages = useCursorPages();
  const [patient, setPatient] = usePageFilter<PickedPatient | null>(pages, null);
  const [user, setUser] = usePageFilter<PickedUser | null>(pages, null);
  const [fromDay, setFromDay] = usePageFilter(pages, '');
  const [toDay, setToDay] = usePageFilter(pages, '');
  // "To" is inclusive for people and exclusive for the API: the day after it starts.
  const variables = { patientId: patient?.id ?? null, userId: user?.id ?? null, from: dayStart(fromDay), to: dayStart(toDay, 1), after: pages.after };
  const [result] = useQuery({ query: AdminAuditTrail, variables, requestPolicy: 'cache-and-network' });

  return (
    <div>
      <ChainStatus />
      <div className="grid gap-x-4 md:grid-cols-2">
        <PatientPicker label="Accesses to patient" value={patient} onChange={setPatient} />
        <UserPicker label="Accesses by user" value={user} onChange={setUser} />
        <TextInput label="From (day)" type="date" value={fromDay} onChange={(event) => setFromDay(event.target.value)} />
        <TextInput label="To (day, included)" type="date" value={toDay} onChange={(event) => setToDay(event.target.value)} />
      </div>
      <PagedTable
        result={result}
        loading="Loading the audit trail…"
        page={result.data?.auditTrail}
        pages={pages}
        noun="record"
        caption="Audit trail"
        rowKey={(row) => row.seq}
        empty="No access matches these filters."
        columns={[
          { header: 'When', cell: (row) => formatDateTime(row.occurredAt) },
          { header: 'Who', cell: (row) => row.user?.displayName ?? (row.actorId ? `${enumLabel(row.actorKind)} ${row.actorId}` : enumLabel(row.actorKind)) },
          { header: 'Role', cell: (row) => (row.actorRole ? enumLabel(row.actorRole) : '—') },
          { header: 'Action', cell: (row) => `${row.action} ${row.resource}${row.operation ? ` (${row.operation})` : ''}` },
          { header: 'Fields', cell: (row) => row.fields.join(', ') || '—' },
          { header: 'Patient', cell: (row) => (row.patientId ? <code className="text-xs">{row.patientId.slice(0, 8)}</code> : '—') },
          { header: 'Outcome', cell: (row) => (row.outcome === 'DENIED' ? <strong className="text-red-800">Denied{row.reason ? `: ${row.reason}` : ''}</strong> : 'Allowed') },
          { header: 'From', cell: (row) => row.ip ?? '—' },
        ]}
      />
    </div>
  );
}
