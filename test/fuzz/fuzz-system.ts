/**
 * The system a fuzz file runs against: a database of the file's own (so fingerprints see no other
 * test file's writes), the whole system in production mode on it, and every error-level log line
 * of the system collected (a case that logs one has found a failure).
 */
import { createTestDatabase, type TestDatabase } from '@hospital/db/testing';
import { startTestSystem, type TestSystem } from '@hospital/test-support/system';
import { testServerUrl } from '../helpers.ts';

/** A fuzz file's own database and running system. */
export interface FuzzSystem {
  database: TestDatabase;
  sys: TestSystem;
  /** Closes the system, then drops the database. */
  close(): Promise<void>;
}

/** What a fuzz file may set of the system (it always runs in production mode, logging to the collector). */
export type FuzzSystemOptions = Omit<NonNullable<Parameters<typeof startTestSystem>[1]>, 'production' | 'logDestination'>;

/**
 * Creates the file's database and starts the production system on it (the database is dropped
 * again if the system fails to start).
 * @param errorLogs - receives the error-level (50, 60) log lines of the whole system
 * @param options - the file's own settings (abuse limits …)
 */
export async function startFuzzSystem(errorLogs: string[], options: FuzzSystemOptions = {}): Promise<FuzzSystem> {
  const database = await createTestDatabase({ serverUrl: testServerUrl() });
  let sys: TestSystem;
  try {
    sys = await startTestSystem(database.url, {
      ...options,
      production: true,
      logDestination: {
        write(line: string) {
          if (/"level":(50|60)/.test(line)) errorLogs.push(line);
        },
      },
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    database,
    sys,
    close: async () => {
      await sys.close();
      await database.drop();
    },
  };
}
