/**
 * Hospital-sized data in seconds, straight SQL (generate_series, INSERT … SELECT): patients with
 * names from the demo word lists (accents, apostrophes and all), doctors who can sign in, and a
 * history of appointments per doctor. Every constraint holds at the end: the MRN sequence and its
 * unique index, the time-range CHECK, the status history's foreign key and both exclusion
 * constraints (no doctor and no patient is ever in two active appointments at once), so what the
 * benchmarks read is data the services could have written. Into empty tables the indexes and
 * constraints are built once after the rows are in, in the load's transaction (deferred-indexes.ts).
 *
 * Shape: 16 half-hour slots a day (08:00–16:00 UTC) per doctor; appointment j is slot j / doctors
 * of doctor j % doctors, so at any instant the doctors see `doctors` different patients (patients
 * are dealt round-robin, which never puts one patient in two places as long as patients ≥ doctors).
 * The last `aheadDays` days are in the future (SCHEDULED, a few CANCELLED); the past is mostly
 * COMPLETED with some CANCELLED and NO_SHOW. Each appointment has its booking in the status
 * history, plus the step to its final status.
 */
import pg from 'pg';
import { loadWithDeferredIndexes } from './deferred-indexes.ts';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, NEUTRAL_GIVEN_NAMES } from '../../prisma/src/seed/demo-names.ts';

/** How much to load. */
export interface ScaleOptions {
  /** Patients to register. */
  patients: number;
  /** Appointments to book (0 for none). */
  appointments: number;
  /** Doctors (identity users, role doctor) to create; their ids come after `extraDoctorIds`. */
  doctors: number;
  /** Existing doctors (e.g. the test system's account) who get a share of the appointments too. */
  extraDoctorIds?: readonly string[];
  /** Password hash every created doctor gets (scrypt string from `hashPassword`). */
  passwordHash: string;
  /** Days of appointments after today (the rest is history). Default 12. */
  aheadDays?: number;
  /** Progress lines. */
  log?: (message: string) => void;
  /** false: keep every index and constraint on while loading (the previous path, for comparison). Default true. */
  deferIndexes?: boolean;
}

/** What was loaded, and how long each step took. */
export interface ScaleData {
  patients: number;
  appointments: number;
  /** All doctors with appointments, extra ones first. */
  doctorIds: string[];
  /** Emails of the created doctors (sign in with the password behind `passwordHash`). */
  doctorEmails: string[];
  /** Seconds per step (patients, doctors, appointments, history, vacuum). */
  seconds: Record<string, number>;
}

/** Half-hour slots a doctor works per day. */
export const SLOTS_PER_DAY = 16;
/** Appointments per doctor the defaults aim for: the history depth the issue measured (~5,000). */
export const APPOINTMENTS_PER_DOCTOR = 5_000;

/**
 * The default shape for a patient count: 10 appointments per patient, ~5,000 per doctor.
 * @param patients - patients to load
 */
export function defaultScale(patients: number): { appointments: number; doctors: number } {
  const appointments = patients * 10;
  return { appointments, doctors: Math.max(1, Math.round(appointments / APPOINTMENTS_PER_DOCTOR)) };
}

const GIVEN = [...FEMALE_GIVEN_NAMES, ...MALE_GIVEN_NAMES, ...NEUTRAL_GIVEN_NAMES];

async function bulkLoad(
  client: pg.Client,
  options: ScaleOptions,
  tables: readonly string[],
  load: () => Promise<void>,
  log: (m: string) => void,
): Promise<{ buildSeconds: number }> {
  if (options.deferIndexes !== false) return loadWithDeferredIndexes(client, tables, load, log);
  await load();
  return { buildSeconds: 0 };
}

async function timed(seconds: Record<string, number>, step: string, log: (m: string) => void, run: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await run();
  seconds[step] = Math.round((performance.now() - started) / 100) / 10;
  log(`${step}: ${seconds[step]} s`);
}

/**
 * Loads the data into a migrated database, as its owner.
 * @param ownerUrl - the database's owner URL (createTestDatabase().ownerUrl)
 * @param options - sizes and the doctors' password hash
 */
export async function loadScaleData(ownerUrl: string, options: ScaleOptions): Promise<ScaleData> {
  const log = options.log ?? (() => undefined);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const seconds: Record<string, number> = {};
  try {
    // A bulk load: a crash loses the load, not consistency (the benchmark database is throw-away).
    await client.query('SET synchronous_commit = off');
    await client.query("SET TimeZone = 'UTC'");
    await client.query("SET maintenance_work_mem = '256MB'");
    const patientLoad = await bulkLoad(
      client,
      options,
      ['patients.patients'],
      () =>
        timed(seconds, 'patients', log, () =>
          client.query(
            // MRNs from the column default (the sequence), as a registration gets them.
            `INSERT INTO patients.patients (id, given_name, family_name, date_of_birth, sex, updated_at)
         SELECT gen_random_uuid(),
                ($2::text[])[1 + abs(hashint4(i)) % cardinality($2::text[])],
                ($3::text[])[1 + abs(hashint4(-i)) % cardinality($3::text[])],
                date '1930-01-01' + abs(hashint4(i * 31)) % 34000,
                (ARRAY['female','male','other','unknown'])[1 + i % 4]::patients."Sex",
                now()
           FROM generate_series(1, $1::int) AS i`,
            [options.patients, GIVEN, [...FAMILY_NAMES]],
          ),
        ),
      log,
    );
    seconds['patient indexes'] = patientLoad.buildSeconds;
    const suffix = Date.now().toString(36);
    const created = await client.query<{ id: string; email: string }>(
      `INSERT INTO identity.users (id, email, display_name, role, password_hash, updated_at)
       SELECT gen_random_uuid(), 'scale-doctor-' || i || '-' || $3 || '@bench.hospital.local', 'Dr Scale ' || i, 'doctor', $2, now()
         FROM generate_series(1, $1::int) AS i
       RETURNING id::text, email`,
      [options.doctors, options.passwordHash, suffix],
    );
    const doctorIds = [...(options.extraDoctorIds ?? []), ...created.rows.map((row) => row.id)];
    if (options.appointments > 0) await loadAppointments(client, options, doctorIds, seconds, log);
    await timed(seconds, 'vacuum analyze', log, async () => {
      for (const table of ['patients.patients', 'identity.users', 'appointments.appointments', 'appointments.appointment_status_changes'])
        await client.query(`VACUUM ANALYZE ${table}`);
    });
    return { patients: options.patients, appointments: options.appointments, doctorIds, doctorEmails: created.rows.map((row) => row.email), seconds };
  } finally {
    await client.end();
  }
}

async function loadAppointments(client: pg.Client, options: ScaleOptions, doctorIds: string[], seconds: Record<string, number>, log: (m: string) => void): Promise<void> {
  const doctors = doctorIds.length;
  const perDoctor = Math.ceil(options.appointments / doctors);
  const days = Math.ceil(perDoctor / SLOTS_PER_DAY);
  const ahead = Math.min(options.aheadDays ?? 12, days);
  await client.query('CREATE TEMP TABLE scale_doctors (n int PRIMARY KEY, id uuid NOT NULL)');
  await client.query('INSERT INTO scale_doctors SELECT n - 1, id FROM unnest($1::uuid[]) WITH ORDINALITY AS d(id, n)', [doctorIds]);
  await client.query('CREATE TEMP TABLE scale_patients (n int PRIMARY KEY, id uuid NOT NULL)');
  await client.query('INSERT INTO scale_patients SELECT (row_number() OVER ()) - 1, id FROM patients.patients');
  const patientCount = (await client.query<{ c: string }>('SELECT count(*) AS c FROM scale_patients')).rows[0]!.c;
  if (Number(patientCount) < doctors) throw new Error(`need at least as many patients (${patientCount}) as doctors (${doctors})`);
  // Into empty tables, indexes and constraints are built once after the rows are in (the same
  // definitions, validated, in the same transaction): see deferred-indexes.ts.
  const { buildSeconds } = await bulkLoad(
    client,
    options,
    ['appointments.appointments', 'appointments.appointment_status_changes'],
    async () => {
      await timed(seconds, 'appointments', log, () =>
        client.query(
          `INSERT INTO appointments.appointments (id, patient_id, doctor_id, starts_at, ends_at, status, created_at, updated_at)
         SELECT gen_random_uuid(), p.id, d.id, slot.starts_at, slot.starts_at + interval '30 minutes',
                (CASE WHEN slot.starts_at >= now() THEN CASE WHEN abs(hashint4(j)) % 20 = 0 THEN 'CANCELLED' ELSE 'SCHEDULED' END
                      ELSE (ARRAY['COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','CANCELLED','NO_SHOW'])[1 + abs(hashint4(j)) % 10] END
                )::appointments."AppointmentStatus",
                slot.starts_at - interval '7 days', now()
           FROM generate_series(0, $1::int - 1) AS j
           JOIN scale_doctors d ON d.n = j % $2::int
           JOIN scale_patients p ON p.n = j % $3::int
           CROSS JOIN LATERAL (SELECT date_trunc('day', now()) + (((j / $2::int) / ${SLOTS_PER_DAY}) - ($4::int - $5::int)) * interval '1 day'
                                      + interval '8 hours' + ((j / $2::int) % ${SLOTS_PER_DAY}) * interval '30 minutes' AS starts_at) AS slot`,
          [options.appointments, doctors, Number(patientCount), days, ahead],
        ),
      );
      // The booking, and the step to the final status where there is one: one scan, one statement.
      await timed(seconds, 'status history', log, () =>
        client.query(
          `INSERT INTO appointments.appointment_status_changes (id, appointment_id, from_status, to_status, changed_at)
         SELECT gen_random_uuid(), a.id, step.from_status, step.to_status, step.changed_at
           FROM appointments.appointments a
          CROSS JOIN LATERAL (VALUES (NULL::appointments."AppointmentStatus", 'SCHEDULED'::appointments."AppointmentStatus", a.created_at),
                                     ('SCHEDULED', a.status, LEAST(a.ends_at, now()))) AS step(from_status, to_status, changed_at)
          WHERE step.from_status IS NULL OR a.status <> 'SCHEDULED'`,
        ),
      );
    },
    log,
  );
  seconds['indexes and constraints'] = buildSeconds;
}

/**
 * Reads `--name=value` from scenario arguments.
 * @param args - the scenario's arguments
 * @param name - option name without dashes
 */
export function numberArg(args: readonly string[], name: string): number | undefined {
  const found = args.find((arg) => arg.startsWith(`--${name}=`));
  if (found === undefined) return undefined;
  const value = Number(found.slice(name.length + 3).replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got ${found}`);
  return value;
}
