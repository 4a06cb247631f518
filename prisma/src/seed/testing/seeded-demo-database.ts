/**
 * A database of a test file's own with the demo data seeded (seedDemoData), for the tests of the
 * department demo seeders: each seeder only fills empty tables, so it needs a database no other
 * test writes to.
 */
import { beforeAll } from 'vitest';
import { useOwnDatabase, type OwnDatabase } from '../../../../test/own-database.ts';
import { seedDemoData } from '../seed-demo-data.ts';

/** The password of every demo account the tests seed. */
const DEMO_TEST_PASSWORD = 'demo-password-for-tests';

/**
 * Registers the hooks that create the database around the enclosing describe and seed it once,
 * before its tests, as `npm run seed` would on `today`.
 * @param options - patientCount: how many demo patients; today: the day the demo is seeded on
 */
export function useSeededDemoDatabase(options: { patientCount: number; today: Date }): OwnDatabase {
  const own = useOwnDatabase();
  beforeAll(async () => {
    await seedDemoData(own.db, { password: DEMO_TEST_PASSWORD, ...options });
  });
  return own;
}
