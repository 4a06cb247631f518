/**
 * Ward staff's morning view: the bed board of one ward (free or occupied, and by whom), the
 * occupancy of every ward, admit / transfer / discharge, and reception: booking a patient with
 * any doctor. Reads and changes only what the ward role may (no prescriptions, no billing).
 */
import { useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { Button, Empty, Loaded, Notice, Section, SelectInput } from '../ui/index.ts';
import { RegisterPatientForm } from './doctor/RegisterPatientForm.tsx';
import { ReceptionBooking } from './shared/ReceptionBooking.tsx';
import { AdmitForm } from './ward/AdmitForm.tsx';
import { BedBoard, type Occupant } from './ward/BedBoard.tsx';
import { DischargeForm } from './ward/DischargeForm.tsx';
import { OccupancySummary } from './ward/OccupancySummary.tsx';
import { TransferForm } from './ward/TransferForm.tsx';
import { WardOverview } from './ward/ward-documents.ts';

/** Which form is open under the board. */
type Panel = { kind: 'admit'; bedId: string | null } | { kind: 'transfer'; occupant: Occupant } | { kind: 'discharge'; occupant: Occupant } | null;

const PANEL_TITLES = { admit: 'Admit a patient', transfer: 'Transfer a patient', discharge: 'Discharge a patient' } as const;

/** The ward staff dashboard. */
export function WardDashboard() {
  const [overview] = useQuery({ query: WardOverview });
  const [wardId, setWardId] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);

  const rows = overview.data?.occupancy ?? [];
  const wards = rows.map((row) => row.ward);
  const ward = wards.find((candidate) => candidate.id === wardId) ?? wards[0] ?? null;

  // Move focus to a form when it opens, so keyboard users land where they need to type.
  useEffect(() => {
    if (panel) panelHeading.current?.focus();
  }, [panel]);

  const open = (next: Panel) => {
    setNotice(null);
    setPanel(next);
  };
  const done = (message: string) => {
    setPanel(null);
    setNotice(message);
  };

  return (
    <div>
      <Section title="Bed board">
        <Loaded result={overview} loading="Loading wards…">
          {!ward ? (
            // Ward staff see only the wards an administrator assigned them to.
            <Empty>You are not assigned to any ward yet; an administrator can assign you.</Empty>
          ) : (
            <>
              <div className="flex flex-wrap items-end gap-3">
                <div className="w-72">
                  <SelectInput
                    label="Ward"
                    value={ward.id}
                    onChange={(event) => {
                      setWardId(event.target.value);
                      setPanel(null);
                    }}
                    options={wards.map((candidate) => ({ value: candidate.id, label: `${candidate.name} (${candidate.code})` }))}
                  />
                </div>
                <Button className="mb-3" onClick={() => open({ kind: 'admit', bedId: null })}>
                  Admit a patient
                </Button>
              </div>
              <Notice>{notice}</Notice>
              <BedBoard
                wardId={ward.id}
                wardName={ward.name}
                actions={{
                  onAdmit: (bedId) => open({ kind: 'admit', bedId }),
                  onTransfer: (occupant) => open({ kind: 'transfer', occupant }),
                  onDischarge: (occupant) => open({ kind: 'discharge', occupant }),
                }}
              />
            </>
          )}
        </Loaded>
      </Section>

      {panel && ward ? (
        <section aria-labelledby="ward-panel-title" className="mb-4 rounded-lg border border-sky-200 bg-white p-4 shadow-sm">
          <h2 id="ward-panel-title" ref={panelHeading} tabIndex={-1} className="mb-2 text-lg font-semibold focus:outline-none">
            {PANEL_TITLES[panel.kind]}
          </h2>
          {panel.kind === 'admit' ? (
            <AdmitForm wardId={ward.id} bedId={panel.bedId} onDone={done} onCancel={() => setPanel(null)} />
          ) : panel.kind === 'transfer' ? (
            <TransferForm key={panel.occupant.id} occupant={panel.occupant} wardId={ward.id} wards={wards} onDone={done} onCancel={() => setPanel(null)} />
          ) : (
            <DischargeForm key={panel.occupant.id} occupant={panel.occupant} onDone={done} onCancel={() => setPanel(null)} />
          )}
        </section>
      ) : null}

      <Section title="Occupancy">
        <Loaded result={overview}>
          <OccupancySummary rows={rows} currentWardId={ward?.id ?? null} />
        </Loaded>
      </Section>

      <Section title="Register a patient">
        <RegisterPatientForm />
      </Section>

      <Section title="Book for a doctor">
        <ReceptionBooking />
      </Section>
    </div>
  );
}
