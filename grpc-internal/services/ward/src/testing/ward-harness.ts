/**
 * Integration-test harness: the real patients and ward services on port 0 against the run's test
 * database (the ward service asks the patients service about patients over real gRPC), promise
 * clients, and signed caller identities as the router would send them.
 */
import { randomUUID } from 'node:crypto';
import type { Metadata } from '@grpc/grpc-js';
import {
  createPatientsClient,
  createWardClient,
  type Admission__Output,
  type Bed__Output,
  type PatientsClient,
  type Patient__Output,
  type WardClient,
  type Ward__Output,
} from '@hospital/grpc-contracts';
import { startPatientsService } from '@hospital/patients-service';
import { createLogger, type RoleName } from '@hospital/service-kit';
import { startWardService } from '../ward-service.ts';
import { signedCaller, TEST_CALL_DEADLINE_MS } from '@hospital/service-kit/testing';

/** Running services and ways to call them. */
export interface WardHarness {
  /** Promise client to the ward service. */
  ward: WardClient;
  /** Promise client to the patients service (to register and archive test patients). */
  patients: PatientsClient;
  /** host:port of the ward service. */
  target: string;
  /** The internal secret both services trust. */
  internalSecret: string;
  /**
   * Metadata of a call made by a user with this role (anonymous when omitted). Ward staff calls
   * come from one staff member, {@link WardHarness.staffId}, assigned to every ward `createWard` makes.
   * @param role - the caller's role
   */
  as(role?: RoleName): Metadata;
  /**
   * Metadata of a call made by a particular user.
   * @param role - the caller's role
   * @param userId - the caller's id
   */
  asUser(role: RoleName, userId: string): Metadata;
  /** The user id of the harness's ward staff member. */
  staffId: string;
  /** Metadata of a call made by one of the system's own services. */
  asService(): Metadata;
  /** Creates a ward with a unique code, as an admin, and assigns the harness's ward staff member to it. */
  createWard(fields?: { name?: string; specialty?: string }): Promise<Ward__Output>;
  /** Adds a bed (unique label unless given), as an admin. */
  addBed(wardId: string, label?: string): Promise<Bed__Output>;
  /** Registers a patient, as a doctor. */
  registerPatient(): Promise<Patient__Output>;
  /** Admits a patient into a bed, as ward staff. */
  admit(patientId: string, bedId: string, reason?: string): Promise<Admission__Output>;
  /** Stops the clients and both services. */
  close(): Promise<void>;
}

/** A short code no other test uses: letters and digits, upper case. */
export const uniqueCode = (prefix = 'T') => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;

/**
 * Starts the patients and ward services for a test file.
 * @param databaseUrl - the run's test database
 */
export async function startWardHarness(databaseUrl: string): Promise<WardHarness> {
  const internalSecret = `test-secret-${randomUUID()}`;
  const logger = createLogger('ward-service-test', 'silent');
  const patientsService = await startPatientsService({ port: 0, host: '127.0.0.1', databaseUrl, internalSecret, possibleDuplicateCheck: false }, { logger });
  const patientsTarget = `127.0.0.1:${patientsService.port}`;
  const wardService = await startWardService({ port: 0, host: '127.0.0.1', databaseUrl, internalSecret, patientsTarget }, { logger });
  const target = `127.0.0.1:${wardService.port}`;
  const ward = createWardClient({ target, deadlineMs: TEST_CALL_DEADLINE_MS });
  const patients = createPatientsClient({ target: patientsTarget, deadlineMs: TEST_CALL_DEADLINE_MS });
  const sign = signedCaller(internalSecret);
  const staffId = randomUUID();
  const asUser = (role: RoleName, userId: string) => sign({ kind: 'user', userId, role, email: `${role}@test.local` });
  const as = (role?: RoleName) => (role ? asUser(role, role === 'ward_staff' ? staffId : randomUUID()) : sign({ kind: 'anonymous' }));
  return {
    ward,
    patients,
    target,
    internalSecret,
    as,
    asUser,
    staffId,
    asService: () => sign({ kind: 'service', service: 'test-worker' }),
    async createWard(fields = {}) {
      const created = await ward.createWard({ name: fields.name ?? `Ward ${uniqueCode('')}`, code: uniqueCode('W'), specialty: fields.specialty ?? '' }, { metadata: as('admin') });
      await ward.assignStaffToWard({ userId: staffId, wardId: created.id }, { metadata: as('admin') });
      return created;
    },
    addBed: (wardId, label) => ward.addBed({ wardId, label: label ?? uniqueCode('B') }, { metadata: as('admin') }),
    registerPatient: () =>
      patients.registerPatient({ givenName: 'Test', familyName: `Ward${uniqueCode('')}`, dateOfBirth: '1970-01-01', sex: 'SEX_UNKNOWN' }, { metadata: as('doctor') }),
    admit: (patientId, bedId, reason = 'Observation') => ward.admitPatient({ patientId, bedId, reason }, { metadata: as('ward_staff') }),
    async close() {
      ward.close();
      patients.close();
      await wardService.close();
      await patientsService.close();
    },
  };
}
