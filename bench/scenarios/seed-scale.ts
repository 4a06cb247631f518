/**
 * How long hospital-sized data takes to load with straight SQL into a fresh, migrated database,
 * every constraint valid at the end: 100,000 patients, ~1,000,000 appointments over 200 doctors.
 *   npm run bench -- seed-scale                              (100k patients, 1M appointments)
 *   npm run bench -- seed-scale -- --compare                 (also the previous path, constraints on
 *                                                            while loading, interleaved: new, previous)
 *   npm run bench -- seed-scale -- --patients=1000000 --appointments=0
 *   npm run bench -- --smoke seed-scale                      (2,000 patients, both paths)
 * Options: --patients, --appointments (default 10 per patient), --doctors (default ~5,000
 * appointments each), --rounds (with --compare, default 1), --keep (leave the last database and
 * print its URL, e.g. for EXPLAIN).
 */
import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@hospital/db/testing';
import { hashPassword } from '@hospital/service-kit';
import { defaultScale, loadScaleData, numberArg } from '../lib/scale-data.ts';
import type { Scenario, ScenarioRow } from '../lib/scenario.ts';

const VARIANTS = [
  { name: 'indexes built after the load', deferIndexes: true },
  { name: 'previous: constraints on while loading', deferIndexes: false },
];

const scenario: Scenario = {
  description: 'bulk load of patients, doctors and appointments (straight SQL, every constraint valid at the end) into a fresh database',
  async run({ smoke, args, serverUrl, log }) {
    const patients = numberArg(args, 'patients') ?? (smoke ? 2_000 : 100_000);
    const shape = defaultScale(patients);
    const appointments = numberArg(args, 'appointments') ?? shape.appointments;
    const doctors = numberArg(args, 'doctors') ?? Math.max(1, Math.round(appointments / 5_000) || 1);
    const compare = smoke || args.includes('--compare');
    const rounds = compare ? (numberArg(args, 'rounds') ?? 1) : 1;
    const keep = args.includes('--keep');
    const password = `bench-${randomUUID()}`;
    const passwordHash = await hashPassword(password);
    const rows: ScenarioRow[] = [];
    const notes: string[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      for (const variant of compare ? VARIANTS : VARIANTS.slice(0, 1)) {
        const database = await createTestDatabase({ serverUrl });
        const last = round === rounds && variant === VARIANTS[0];
        try {
          log(`round ${round}: ${variant.name}`);
          const started = performance.now();
          const data = await loadScaleData(database.ownerUrl, { patients, appointments, doctors, passwordHash, log, deferIndexes: variant.deferIndexes });
          const total = Math.round((performance.now() - started) / 100) / 10;
          const steps = Object.fromEntries(Object.entries(data.seconds).map(([step, s]) => [`${step} s`, s]));
          rows.push({ variant: variant.name, round, patients, appointments, doctors, ...steps, 'total s': total });
          if (keep && last) notes.push(`Kept: ${database.ownerUrl} (doctors sign in as ${data.doctorEmails[0]} … with password ${password}).`);
        } finally {
          if (!(keep && last)) await database.drop();
        }
      }
    }
    const best = Math.min(...rows.filter((row) => row['variant'] === VARIANTS[0]!.name).map((row) => row['total s'] as number));
    notes.unshift(
      `Every index and constraint is valid at the end (MRN sequence and unique index, time-range CHECK, status history foreign key, both exclusion constraints). ${patients >= 100_000 ? `Goal: under 60 s for 100k patients / 1M appointments — ${best < 60 ? 'met' : 'missed'} (${best} s).` : "Below the goal's size (100k / 1M): no verdict."}`,
    );
    return { rows, notes };
  },
};
export default scenario;
