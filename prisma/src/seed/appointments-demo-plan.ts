/**
 * The demo appointment day as a plan, without touching the database: today (UTC), 08:00–17:00 in
 * 30-minute slots with a lunch break, 14 appointments for the demo doctor in a mix of statuses
 * (the morning done or missed, one patient in the waiting room, the afternoon ahead, one slot
 * cancelled and booked again), and three each for the two other doctors. Every appointment has
 * its own patient, so no patient is ever in two places at once.
 */

/** Where a demo appointment stands (the database enum's names). */
export type DemoStatus = 'SCHEDULED' | 'CHECKED_IN' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW';
/** Who makes each kind of change in the demo: the doctor, reception, or the administrator. */
export type DemoActor = 'doctor' | 'reception' | 'admin';

/** One step of a demo appointment's history. */
export interface DemoStatusChange {
  from: DemoStatus | null;
  to: DemoStatus;
  by: DemoActor;
  at: Date;
  reason: string | null;
}

/** An appointment to create. */
export interface DemoAppointment {
  /** Which doctor: 0 is doctor@hospital.local, 1 and 2 the other demo doctors. */
  doctor: 0 | 1 | 2;
  /** Index into the candidate patients (each used once). */
  patient: number;
  startsAt: Date;
  endsAt: Date;
  reason: string;
  status: DemoStatus;
  history: DemoStatusChange[];
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Reasons typical of an outpatient list. */
const REASONS = [
  'Blood pressure review',
  'Follow-up after discharge',
  'Persistent cough',
  'Diabetes check-up',
  'Knee pain',
  'Medication review',
  'Test results discussion',
  'Headaches',
  'Skin rash',
  'Pre-operative assessment',
  'Shortness of breath on exertion',
  'Annual health check',
] as const;

/** The demo doctor's day: start ("HH:MM" UTC) and status of each appointment, in order. */
const MAIN_DAY: readonly [string, DemoStatus][] = [
  ['08:00', 'COMPLETED'],
  ['08:30', 'COMPLETED'],
  ['09:00', 'NO_SHOW'],
  ['09:30', 'COMPLETED'],
  ['10:00', 'CANCELLED'],
  ['10:00', 'COMPLETED'],
  ['11:00', 'CHECKED_IN'],
  ['11:30', 'SCHEDULED'],
  ['13:00', 'SCHEDULED'],
  ['13:30', 'SCHEDULED'],
  ['14:00', 'CANCELLED'],
  ['14:30', 'SCHEDULED'],
  ['15:30', 'SCHEDULED'],
  ['16:30', 'SCHEDULED'],
];

/** The other doctors' lists: doctor, start, length in minutes, status. */
const OTHER_DAYS: readonly [1 | 2, string, number, DemoStatus][] = [
  [1, '09:00', 30, 'COMPLETED'],
  [1, '10:30', 60, 'SCHEDULED'],
  [1, '15:00', 30, 'SCHEDULED'],
  [2, '08:30', 30, 'COMPLETED'],
  [2, '12:00', 30, 'NO_SHOW'],
  [2, '16:00', 45, 'SCHEDULED'],
];

function at(day: Date, time: string): Date {
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(day.getTime() + (hours! * 60 + minutes!) * MINUTE_MS);
}

/** The status changes that lead to a status, at plausible times around the slot. */
function historyOf(status: DemoStatus, startsAt: Date, endsAt: Date, index: number): DemoStatusChange[] {
  const booked: DemoStatusChange = { from: null, to: 'SCHEDULED', by: 'doctor', at: new Date(startsAt.getTime() - (3 + (index % 5)) * DAY_MS), reason: null };
  const checkIn: DemoStatusChange = { from: 'SCHEDULED', to: 'CHECKED_IN', by: 'reception', at: new Date(startsAt.getTime() - 10 * MINUTE_MS), reason: null };
  switch (status) {
    case 'SCHEDULED':
      return [booked];
    case 'CHECKED_IN':
      return [booked, checkIn];
    case 'COMPLETED':
      return [booked, checkIn, { from: 'CHECKED_IN', to: 'COMPLETED', by: 'doctor', at: endsAt, reason: null }];
    case 'NO_SHOW':
      return [booked, { from: 'SCHEDULED', to: 'NO_SHOW', by: 'doctor', at: new Date(startsAt.getTime() + 15 * MINUTE_MS), reason: null }];
    case 'CANCELLED':
      return [booked, { from: 'SCHEDULED', to: 'CANCELLED', by: 'admin', at: new Date(startsAt.getTime() - DAY_MS), reason: 'Patient asked to cancel by phone' }];
  }
}

/**
 * Plans the demo day around a reference instant (its UTC date is "today").
 * @param today - the reference instant
 */
export function planAppointmentDay(today: Date): DemoAppointment[] {
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const main = MAIN_DAY.map(([time, status], i) => ({ doctor: 0 as const, time, minutes: 30, status, i }));
  const others = OTHER_DAYS.map(([doctor, time, minutes, status], j) => ({ doctor, time, minutes, status, i: MAIN_DAY.length + j }));
  return [...main, ...others].map(({ doctor, time, minutes, status, i }) => {
    const startsAt = at(day, time);
    const endsAt = new Date(startsAt.getTime() + minutes * MINUTE_MS);
    return { doctor, patient: i, startsAt, endsAt, reason: REASONS[i % REASONS.length]!, status, history: historyOf(status, startsAt, endsAt, i) };
  });
}
