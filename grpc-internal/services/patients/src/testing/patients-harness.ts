/**
 * Integration-test harness: the real patients service on port 0 against the run's test
 * database, a real promise client, and signed caller identities as the router would send them.
 */
import { randomUUID } from 'node:crypto';
import type { Metadata } from '@grpc/grpc-js';
import { createPrismaClient, type PrismaClient } from '@hospital/db';
import { createPatientsClient, type PatientsClient, type Patient__Output } from '@hospital/grpc-contracts';
import { createLogger, type RoleName } from '@hospital/service-kit';
import { startPatientsService } from '../patients-service.ts';
import { signedAs, TEST_CALL_DEADLINE_MS, uniqueLetters } from '@hospital/service-kit/testing';

/** A running service and ways to call it. */
export interface PatientsHarness {
  /** Promise client to the service. */
  client: PatientsClient;
  /** host:port of the service. */
  target: string;
  /** The internal secret the service trusts. */
  internalSecret: string;
  /**
   * Metadata of a call made by a user with this role (anonymous when omitted).
   * @param role - the caller's role
   * @param userId - a fixed user id (a fresh one when omitted)
   * @param requestId - a fixed request id, to find the call's audit rows (a fresh one when omitted)
   */
  as(role?: RoleName, userId?: string, requestId?: string): Metadata;
  /** The test database, to read what the service wrote (the audit trail). */
  db: PrismaClient;
  /**
   * Registers a patient as a doctor.
   * @param fields - overrides of a valid registration
   */
  register(fields?: Partial<{ givenName: string; familyName: string; dateOfBirth: string; allergies: string[] }>): Promise<Patient__Output>;
  /** Stops the client and the service. */
  close(): Promise<void>;
}

/**
 * Starts the patients service for a test file.
 * @param databaseUrl - the run's test database
 * @param options - the possible-duplicate check (off: fixtures reuse names and birth dates)
 */
export async function startPatientsHarness(databaseUrl: string, options: { possibleDuplicateCheck?: boolean } = {}): Promise<PatientsHarness> {
  const internalSecret = `test-secret-${randomUUID()}`;
  const possibleDuplicateCheck = options.possibleDuplicateCheck ?? false;
  const service = await startPatientsService(
    { port: 0, host: '127.0.0.1', databaseUrl, internalSecret, possibleDuplicateCheck },
    { logger: createLogger('patients-service-test', 'silent') },
  );
  const target = `127.0.0.1:${service.port}`;
  const client = createPatientsClient({ target, deadlineMs: TEST_CALL_DEADLINE_MS });
  const db = createPrismaClient(databaseUrl);
  const as = signedAs(internalSecret);
  return {
    client,
    target,
    internalSecret,
    as,
    db,
    register: (fields = {}) =>
      client.registerPatient(
        { givenName: 'Test', familyName: `Patient${randomUUID().slice(0, 8)}`, dateOfBirth: '1980-01-01', sex: 'SEX_UNKNOWN', ...fields },
        { metadata: as('doctor') },
      ),
    async close() {
      client.close();
      await service.close();
      await db.$disconnect();
    },
  };
}

/** A name part no other test uses (letters only, so it is a valid name on its own). */
export function uniqueName(prefix: string): string {
  return `${prefix}${uniqueLetters()}`;
}
