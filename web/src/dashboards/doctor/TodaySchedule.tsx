/**
 * The doctor's schedule, live, as a day or a week (Monday first) with the free clinic slots
 * between appointments. Every `appointmentEvents` event (a booking, reschedule, cancellation or
 * check-in made anywhere) re-queries it, so changes appear within a second without a reload.
 * A doctor's subscription carries their own appointments only.
 */
import { useEffect, useMemo, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '../../gql/index.ts';
import { Button, ErrorMessage, Loading, nodesOf, Section } from '../../ui/index.ts';
import { AppointmentActions } from './AppointmentActions.tsx';
import { STATUS_WORDS, daysOf, freeSlotsOf } from './time.ts';
import { dayBounds, formatDayHeader, formatTime, hospitalTimeZone, todayIso } from '../../time/hospital-time.ts';

const ScheduleAppointments = graphql(`
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

/** Statuses that no longer hold their slot. */
const FREEING = new Set(['CANCELLED']);

/** The schedule card; `onOpenPatient` opens a patient's chart. */
export function TodaySchedule({ onOpenPatient }: { onOpenPatient(patientId: string): void }) {
  const [view, setView] = useState<'day' | 'week'>('day');
  // Recomputed when the day changes under an open tab.
  const [today, setToday] = useState(() => todayIso());
  useEffect(() => {
    const timer = setInterval(() => setToday(todayIso()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const days = useMemo(() => daysOf(view, today), [view, today]);
  const range = useMemo(() => ({ from: dayBounds(days[0]!).from.toISOString(), to: dayBounds(days[days.length - 1]!).to.toISOString() }), [days]);

  const [{ data, fetching, error }, refetch] = useQuery({ query: ScheduleAppointments, variables: range, requestPolicy: 'cache-and-network' });
  const [live] = useSubscription({ query: ScheduleEvents });
  const lastEvent = live.data?.appointmentEvents.id;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  useEffect(() => {
    if (lastEvent) refetch({ requestPolicy: 'network-only' });
  }, [lastEvent, refetch]);
  const rows = useMemo(() => nodesOf(data?.appointments), [data]);

  return (
    <Section
      title={view === 'day' ? "Today's schedule" : 'This week'}
      actions={
        <span className="flex items-center gap-2 text-xs text-slate-500">
          <span role="group" aria-label="Schedule view" className="flex">
            {(['day', 'week'] as const).map((option) => (
              <Button key={option} look={view === option ? 'primary' : 'secondary'} aria-pressed={view === option} onClick={() => setView(option)} className="min-h-11">
                {option === 'day' ? 'Day' : 'Week'}
              </Button>
            ))}
          </span>
          <span>Times in {hospitalTimeZone()}</span>
          <span aria-live="polite">{live.error ? 'Live updates paused — reconnecting…' : 'Live'}</span>
        </span>
      }
    >
      <ErrorMessage error={error} />
      {fetching && !data ? (
        <Loading label="Loading the schedule…" />
      ) : (
        days.map((day) => {
          const { from, to } = dayBounds(day);
          const mine = rows.filter((row) => Date.parse(row.startsAt) >= from.getTime() && Date.parse(row.startsAt) < to.getTime());
          const free = freeSlotsOf(
            day,
            mine.filter((row) => !FREEING.has(row.status)),
          );
          return (
            <div key={day} className="mb-3">
              {view === 'week' ? <h3 className="mt-2 font-semibold">{formatDayHeader(day)}</h3> : null}
              {mine.length === 0 ? <p className="text-sm text-slate-500">{view === 'day' ? 'No appointments today.' : 'No appointments.'}</p> : null}
              <ul aria-label={`Appointments ${formatDayHeader(day)}`} className="divide-y divide-slate-100">
                {mine.map((row) => (
                  <li key={row.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm">
                    <span>
                      <strong>
                        {formatTime(row.startsAt)}–{formatTime(row.endsAt)}
                      </strong>{' '}
                      <button type="button" className="min-h-11 text-sky-800 underline" onClick={() => onOpenPatient(row.patient.id)}>
                        {row.patient.fullName} <span className="text-slate-500">({row.patient.mrn})</span>
                      </button>{' '}
                      — {row.reason ?? 'no reason given'} · <em>{STATUS_WORDS[row.status] ?? row.status}</em>
                    </span>
                    <AppointmentActions appointment={row} who={`${row.patient.fullName}'s appointment`} onChanged={reload} />
                  </li>
                ))}
              </ul>
              <p className="text-xs text-emerald-800" aria-label={`Free slots ${formatDayHeader(day)}`}>
                {free.length === 0 ? 'No free slots.' : `Free: ${free.map((slot) => formatTime(slot.startsAt)).join(', ')}`}
              </p>
            </div>
          );
        })
      )}
    </Section>
  );
}
