/**
 * Integration-test harness: the real appointments service on port 0, with the real identity and
 * patients services it calls, all against the run's test database and sharing one internal
 * secret. Callers are signed as the router (users) or as a background service would sign them.
 */
import { randomUUID } from 'node:crypto';
import type { Metadata } from '@grpc/grpc-js';
import { createPrismaClient, type PrismaClient } from '@hospital/db';
import { createAppointmentsClient, createIdentityClient, createPatientsClient, type AppointmentsClient, type IdentityClient, type PatientsClient } from '@hospital/grpc-contracts';
import { startIdentityService } from '@hospital/identity-service';
import { testJwtSettings } from '@hospital/identity-service/testing';
import { startPatientsService } from '@hospital/patients-service';
import { createLogger, type RoleName } from '@hospital/service-kit';
import { STAFF_TEST_PASSWORD, uniqueLetters } from '@hospital/service-kit/testing';
import { startAppointmentsService, type AppointmentsServiceConfig } from '../appointments-service.ts';
import { signedCaller, TEST_CALL_DEADLINE_MS, utcMorningInDays } from '@hospital/service-kit/testing';

/** A running service, its peers, and ways to call them. */
export interface AppointmentsHarness {
  client: AppointmentsClient;
  identity: IdentityClient;
  patients: PatientsClient;
  /** host:port of the appointments service. */
  target: string;
  internalSecret: string;
  /** Direct database access, for assertions on the outbox only. */
  db: PrismaClient;
  /**
   * Metadata of a call by a user with this role (a fresh user id unless given).
   * @param role - the caller's role
   * @param userId - the caller's user id
   */
  as(role: RoleName, userId?: string): Metadata;
  /**
   * Metadata of a call by one of the system's services.
   * @param service - its name
   */
  asService(service: string): Metadata;
  /** Metadata of a call that came through the router without a signed-in user. */
  asAnonymous(): Metadata;
  /** Creates an active doctor in identity; returns the user id. */
  newDoctor(): Promise<string>;
  /**
   * Creates a user with another role; returns the user id.
   * @param role - proto role
   */
  newUser(role: 'ROLE_FINANCE' | 'ROLE_WARD_STAFF' | 'ROLE_DOCTOR'): Promise<string>;
  /** Registers a patient; returns the patient id. */
  newPatient(): Promise<string>;
  /**
   * A future slot of `minutes` minutes starting `offsetMinutes` after tomorrow 08:00 UTC.
   * @param offsetMinutes - start offset
   * @param minutes - length (30 by default)
   */
  slot(offsetMinutes: number, minutes?: number): { startsAt: string; endsAt: string };
  close(): Promise<void>;
}

/**
 * Starts identity, patients and appointments services for a test file.
 * @param databaseUrl - the run's test database
 * @param options - Kafka and relay settings for the appointments service (none: no Kafka)
 */
export async function startAppointmentsHarness(databaseUrl: string, options: Pick<AppointmentsServiceConfig, 'kafka' | 'relay'> = {}): Promise<AppointmentsHarness> {
  const internalSecret = `test-secret-${randomUUID()}`;
  const logger = createLogger('appointments-test', 'silent');
  const identityService = await startIdentityService(
    {
      port: 0,
      host: '127.0.0.1',
      databaseUrl,
      internalSecret,
      jwt: testJwtSettings(),
    },
    { logger },
  );
  const patientsService = await startPatientsService({ port: 0, host: '127.0.0.1', databaseUrl, internalSecret, possibleDuplicateCheck: false }, { logger });
  const identityTarget = `127.0.0.1:${identityService.port}`;
  const patientsTarget = `127.0.0.1:${patientsService.port}`;
  const service = await startAppointmentsService(
    { port: 0, host: '127.0.0.1', databaseUrl, internalSecret, identityTarget, patientsTarget, peerDeadlineMs: TEST_CALL_DEADLINE_MS, ...options },
    { logger },
  );
  const target = `127.0.0.1:${service.port}`;
  const client = createAppointmentsClient({ target, deadlineMs: TEST_CALL_DEADLINE_MS });
  const identity = createIdentityClient({ target: identityTarget, deadlineMs: TEST_CALL_DEADLINE_MS });
  const patients = createPatientsClient({ target: patientsTarget, deadlineMs: TEST_CALL_DEADLINE_MS });
  const db = createPrismaClient(databaseUrl, { poolSize: 2 });
  const sign = signedCaller(internalSecret);
  const as = (role: RoleName, userId = randomUUID()) => sign({ kind: 'user', userId, role, email: `${role}-${userId.slice(0, 8)}@test.local` });
  const newUser = async (role: 'ROLE_FINANCE' | 'ROLE_WARD_STAFF' | 'ROLE_DOCTOR') => {
    const email = `appt-${randomUUID().slice(0, 12)}@test.hospital.local`;
    const user = await identity.createUser({ email, password: STAFF_TEST_PASSWORD, displayName: 'Dr Test', role }, { metadata: as('admin') });
    return user.id;
  };
  const tomorrow = utcMorningInDays(1);
  return {
    client,
    identity,
    patients,
    target,
    internalSecret,
    db,
    as,
    asService: (name) => sign({ kind: 'service', service: name }),
    asAnonymous: () => sign({ kind: 'anonymous' }),
    newDoctor: () => newUser('ROLE_DOCTOR'),
    newUser,
    async newPatient() {
      const patient = await patients.registerPatient(
        { givenName: 'Appt', familyName: `Patient${uniqueLetters(8)}`, dateOfBirth: '1980-01-01', sex: 'SEX_UNKNOWN' },
        { metadata: as('doctor') },
      );
      return patient.id;
    },
    slot(offsetMinutes, minutes = 30) {
      const start = new Date(tomorrow.getTime() + offsetMinutes * 60_000);
      return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + minutes * 60_000).toISOString() };
    },
    async close() {
      client.close();
      identity.close();
      patients.close();
      await db.$disconnect();
      await service.close();
      await patientsService.close();
      await identityService.close();
    },
  };
}
