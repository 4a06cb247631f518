/**
 * One ward's bed board: every bed, free or occupied and by whom, with the actions ward staff take
 * from it (admit into a free bed, take it out of service and back; transfer or discharge the
 * occupant). It re-reads itself every 15 s, so admissions made elsewhere appear; a vital-signs set
 * recorded anywhere for one of its patients re-reads that patient's NEWS2 at once (wardVitalsEvents).
 */
import { useEffect } from 'react';
import { useQuery, useSubscription } from 'urql';
import { Button, ErrorMessage, Loading, Table } from '../../ui/index.ts';
import { formatDateTime } from '../../time/hospital-time.ts';
import { BedServiceButton } from './BedServiceButton.tsx';
import { VitalsCell } from '../clinical/VitalsForm.tsx';
import { WardBedBoard, WardVitalsLive } from './ward-documents.ts';

/** An occupant as the board shows it; what transfer and discharge act on. */
export interface Occupant {
  id: string;
  reason: string;
  admittedAt: string;
  patient: { id: string; mrn: string; fullName: string };
  bedLabel: string;
}

/** What the board asks the dashboard to open. */
export interface BedBoardActions {
  onAdmit(bedId: string): void;
  onTransfer(occupant: Occupant): void;
  onDischarge(occupant: Occupant): void;
}

/** How often the board is re-read. */
const BOARD_REFRESH_MS = 15_000;

/** The board of `wardId`. */
export function BedBoard({ wardId, wardName, actions }: { wardId: string; wardName: string; actions: BedBoardActions }) {
  const [result, refetch] = useQuery({ query: WardBedBoard, variables: { wardId } });
  // Other staff admit and discharge too: re-read the board every 15 s so it stays current.
  useEffect(() => {
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), BOARD_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refetch]);
  const [live] = useSubscription({ query: WardVitalsLive, variables: { wardId } });
  const lastVitals = live.data?.wardVitalsEvents;
  // urql keeps the previous ward's board while the next one loads: never show it under this ward's name.
  const forThisWard = result.operation?.variables.wardId === wardId;
  if (!forThisWard || (result.fetching && !result.data)) return <Loading label="Loading the bed board…" />;
  if (result.error) return <ErrorMessage error={result.error} />;
  const beds = result.data?.bedBoard ?? [];
  // While a change is being re-read the rows may be out of date: act only on the fresh board.
  const busy = result.stale || result.fetching;
  return (
    <Table
      caption={`Beds of ${wardName}`}
      rows={beds}
      rowKey={(bed) => bed.id}
      empty="This ward has no beds yet."
      columns={[
        { header: 'Bed', cell: (bed) => <strong>{bed.label}</strong> },
        {
          header: 'Status',
          cell: (bed) =>
            bed.outOfService ? (
              <span className="rounded bg-slate-200 px-2 py-0.5 text-xs">Out of service</span>
            ) : bed.status === 'OCCUPIED' ? (
              <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">Occupied</span>
            ) : (
              <span className="rounded bg-emerald-100 px-2 py-0.5 text-xs text-emerald-900">Free</span>
            ),
        },
        { header: 'Patient', cell: (bed) => (bed.occupant ? `${bed.occupant.patient.fullName} (${bed.occupant.patient.mrn})` : '—') },
        { header: 'Admitted', cell: (bed) => (bed.occupant ? formatDateTime(bed.occupant.admittedAt) : '—') },
        { header: 'Reason', cell: (bed) => bed.occupant?.reason ?? '—' },
        {
          header: 'Actions',
          cell: (bed) => {
            const occupant = bed.occupant;
            if (occupant) {
              const current: Occupant = { ...occupant, bedLabel: bed.label };
              return (
                <div className="flex flex-wrap gap-2">
                  <Button look="secondary" onClick={() => actions.onTransfer(current)} disabled={busy} aria-label={`Transfer ${occupant.patient.fullName}`}>
                    Transfer
                  </Button>
                  <Button look="secondary" onClick={() => actions.onDischarge(current)} disabled={busy} aria-label={`Discharge ${occupant.patient.fullName}`}>
                    Discharge
                  </Button>
                  <VitalsCell
                    patientId={occupant.patient.id}
                    who={occupant.patient.fullName}
                    liveEventId={lastVitals?.patient.id === occupant.patient.id ? lastVitals.id : undefined}
                  />
                </div>
              );
            }
            if (bed.outOfService) return <BedServiceButton bed={bed} disabled={busy} />;
            return (
              <div className="flex flex-wrap gap-2">
                <Button look="secondary" onClick={() => actions.onAdmit(bed.id)} disabled={busy} aria-label={`Admit into bed ${bed.label}`}>
                  Admit
                </Button>
                <BedServiceButton bed={bed} disabled={busy} />
              </div>
            );
          },
        },
      ]}
    />
  );
}
