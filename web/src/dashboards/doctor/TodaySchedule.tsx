/**
 * Today's schedule, live: the list is queried for today, and every `appointmentEvents` event
 * (a booking, reschedule, cancellation or check-in made anywhere) re-queries it, so changes appear within a
 * second without a reload. A doctor's subscription carries their own appointments only.
 */
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { graphql } from '../../gql/index.ts';
import { Button, ErrorMessage, Loading, Section, Table } from '../../ui/index.ts';
import { RescheduleAppointment } from './RescheduleAppointment.tsx';
import { STATUS_WORDS, timeOf, todayRange } from './time.ts';

const TodayAppointments = graphql(`
  query DoctorTodayAppointments($from: DateTime!, $to: DateTime!) {
    appointments(from: $from, to: $to, first: 100) {
      totalCount
      edges { node { id startsAt endsAt reason status patient { id fullName mrn } } }
    }
  }
`);

const ScheduleEvents = graphql(`
  subscription DoctorScheduleEvents {
    appointmentEvents { id type occurredAt appointment { id status } }
  }
`);

const CheckIn = graphql(`
  mutation DoctorCheckIn($id: ID!) { checkInAppointment(id: $id) { id status } }
`);

const Cancel = graphql(`
  mutation DoctorCancelAppointment($id: ID!, $reason: String) { cancelAppointment(id: $id, reason: $reason) { id status } }
`);

/** The schedule card; `onOpenPatient` opens a patient's chart. */
export function TodaySchedule({ onOpenPatient }: { onOpenPatient(patientId: string): void }) {
  // Recomputed when the day changes under an open tab (the key below changes at midnight).
  const [day, setDay] = useState(() => todayRange());
  useEffect(() => {
    const timer = setInterval(() => {
      const next = todayRange();
      if (next.from !== day.from) setDay(next);
    }, 60_000);
    return () => clearInterval(timer);
  }, [day.from]);

  const [{ data, fetching, error }, refetch] = useQuery({ query: TodayAppointments, variables: day, requestPolicy: 'cache-and-network' });
  const [live] = useSubscription({ query: ScheduleEvents });
  const lastEvent = live.data?.appointmentEvents.id;
  useEffect(() => {
    if (lastEvent) refetch({ requestPolicy: 'network-only' });
  }, [lastEvent, refetch]);

  const [checkIn, runCheckIn] = useMutation(CheckIn);
  const [cancel, runCancel] = useMutation(Cancel);
  const rows = useMemo(() => data?.appointments.edges.map((edge) => edge.node) ?? [], [data]);

  return (
    <Section
      title="Today's schedule"
      actions={
        <span className="text-xs text-slate-500" aria-live="polite">
          {live.error ? 'Live updates paused — reconnecting…' : 'Live'}
        </span>
      }
    >
      <ErrorMessage error={error} />
      <ErrorMessage error={checkIn.error ?? cancel.error} />
      {fetching && !data ? (
        <Loading label="Loading today's appointments…" />
      ) : (
        <Table
          caption="Today's appointments"
          rows={rows}
          rowKey={(row) => row.id}
          empty="No appointments today."
          columns={[
            { header: 'Time', cell: (row) => `${timeOf(row.startsAt)}–${timeOf(row.endsAt)}` },
            {
              header: 'Patient',
              cell: (row) => (
                <button type="button" className="text-sky-800 underline" onClick={() => onOpenPatient(row.patient.id)}>
                  {row.patient.fullName} <span className="text-slate-500">({row.patient.mrn})</span>
                </button>
              ),
            },
            { header: 'Reason', cell: (row) => row.reason ?? '—' },
            { header: 'Status', cell: (row) => STATUS_WORDS[row.status] ?? row.status },
            {
              header: 'Actions',
              cell: (row) =>
                row.status === 'SCHEDULED' ? (
                  <span className="flex flex-wrap gap-2">
                    <Button look="secondary" onClick={() => void runCheckIn({ id: row.id })} aria-label={`Check in ${row.patient.fullName}`}>
                      Check in
                    </Button>
                    <Button look="danger" onClick={() => void runCancel({ id: row.id, reason: 'Cancelled by the doctor' })} aria-label={`Cancel ${row.patient.fullName}'s appointment`}>
                      Cancel
                    </Button>
                    <RescheduleAppointment appointment={row} who={`${row.patient.fullName}'s appointment`} onRescheduled={() => refetch({ requestPolicy: 'network-only' })} />
                  </span>
                ) : null,
            },
          ]}
        />
      )}
    </Section>
  );
}
