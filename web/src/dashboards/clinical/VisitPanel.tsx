/**
 * The doctor's visit of a checked-in appointment: open it, write notes (drafts until signed; a
 * signed note never changes, so a correction is an addendum), sign them, and close the visit,
 * which completes the appointment.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Button, ErrorMessage, Loading, TextArea } from '../../ui/index.ts';
import { formatDateTime } from '../../time/hospital-time.ts';
import { CloseEncounter, EncounterWithNotes, OpenVisit, SignNote, WriteNote } from './clinical-documents.ts';
import { Diagnoses } from './DiagnosisForm.tsx';
import { LabOrders } from './LabOrders.tsx';
import { CARE_REFUSAL_WORDS } from './care-words.ts';

/** "Open visit" for a checked-in appointment; once opened, the visit's notes below it. */
export function VisitButton({ appointmentId, who, onClosed }: { appointmentId: string; who: string; onClosed(): void }) {
  const [opened, open] = useMutation(OpenVisit);
  const encounterId = opened.data?.openVisit.id;
  return (
    <div>
      {encounterId ? null : (
        <Button onClick={() => void open({ appointmentId })} disabled={opened.fetching} aria-label={`Open visit of ${who}`}>
          Open visit
        </Button>
      )}
      <ErrorMessage error={opened.error} overrides={CARE_REFUSAL_WORDS} />
      {encounterId ? <VisitNotes encounterId={encounterId} who={who} onClosed={onClosed} /> : null}
    </div>
  );
}

/** The notes of one open visit, a box for the next one, and the close button. */
function VisitNotes({ encounterId, who, onClosed }: { encounterId: string; who: string; onClosed(): void }) {
  const [result, refetch] = useQuery({ query: EncounterWithNotes, variables: { id: encounterId }, requestPolicy: 'network-only' });
  const [written, write] = useMutation(WriteNote);
  const [signed, sign] = useMutation(SignNote);
  const [closed, close] = useMutation(CloseEncounter);
  const [text, setText] = useState('');
  const reread = () => refetch({ requestPolicy: 'network-only' });
  if (result.fetching && !result.data) return <Loading label="Loading the visit…" />;
  const encounter = result.data?.encounter;
  const save = async () => {
    const outcome = await write({ encounterId, text });
    if (!outcome.error) {
      setText('');
      reread();
    }
  };
  return (
    <section aria-label={`Visit of ${who}`} className="mt-2 rounded border border-sky-200 bg-sky-50 p-2">
      <h4 className="text-sm font-semibold">Visit notes {encounter?.status === 'CLOSED' ? '(closed)' : ''}</h4>
      <ol className="my-2 space-y-1">
        {(encounter?.notes ?? []).map((note) => (
          <li key={note.id} className="rounded bg-white p-2 text-sm">
            <p className="whitespace-pre-wrap">{note.text}</p>
            <p className="text-xs text-slate-600">
              {note.amends ? 'Addendum · ' : ''}
              {note.signed && note.signedAt ? `Signed ${formatDateTime(note.signedAt)}` : 'Draft'}
            </p>
            {note.signed ? null : (
              <Button look="secondary" onClick={() => void sign({ noteId: note.id }).then((o) => (o.error ? undefined : reread()))} disabled={signed.fetching}>
                Sign note
              </Button>
            )}
          </li>
        ))}
      </ol>
      <Diagnoses encounterId={encounterId} problems={encounter?.patient.problems ?? []} open={encounter?.status === 'OPEN'} onChanged={reread} />
      {encounter ? <LabOrders encounterId={encounterId} patientId={encounter.patient.id} open={encounter.status === 'OPEN'} /> : null}
      {encounter?.status === 'OPEN' ? (
        <>
          <TextArea label="New note" value={text} onChange={(event) => setText(event.target.value)} rows={3} />
          <span className="mt-1 flex gap-2">
            <Button onClick={() => void save()} disabled={written.fetching || text.trim() === ''}>
              Save draft
            </Button>
            <Button look="secondary" onClick={() => void close({ encounterId }).then((o) => (o.error ? undefined : onClosed()))} disabled={closed.fetching}>
              Close visit
            </Button>
          </span>
        </>
      ) : null}
      <ErrorMessage error={result.error ?? written.error ?? signed.error ?? closed.error} overrides={CARE_REFUSAL_WORDS} />
    </section>
  );
}
