/** Configuration of the demo-data seeder (`npm run seed -w @hospital/db`). */
import { z } from 'zod';
import { databaseEnv, logEnv, parseEnv } from '@hospital/service-kit';
import { DEFAULT_DEMO_PASSWORD } from './demo-accounts.ts';

/** The seeder's environment variables. */
export const seedEnvSchema = z.object({
  ...databaseEnv,
  ...logEnv,
  /** Password of every demo account. */
  DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').default(DEFAULT_DEMO_PASSWORD),
  /** Patients to generate into an empty patients table. */
  SEED_PATIENT_COUNT: z.coerce.number().int().min(0).max(100_000).default(300),
});

/** Parsed seeder configuration. */
export type SeedConfig = z.infer<typeof seedEnvSchema>;

/**
 * Parses the seeder's configuration, reporting every problem at once.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): SeedConfig {
  return parseEnv(seedEnvSchema, env);
}
