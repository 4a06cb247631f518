/**
 * Integration-test harness: the real patients and pharmacy services on port 0 against the run's
 * test database, real promise clients, signed caller identities as the router would send them,
 * and a clock the test can move (expiry rules depend on "today").
 */
import { randomUUID } from 'node:crypto';
import type { Metadata } from '@grpc/grpc-js';
import {
  createPatientsClient,
  createPharmacyClient,
  type CreateDrugRequest,
  type Drug__Output,
  type Patient__Output,
  type PatientsClient,
  type PharmacyClient,
  type Prescription__Output,
  type StockLot__Output,
} from '@hospital/grpc-contracts';
import { createPrismaClient, type PrismaClient } from '@hospital/db';
import { startPatientsService } from '@hospital/patients-service';
import { createLogger, type RoleName } from '@hospital/service-kit';
import { startPharmacyService } from '../pharmacy-service.ts';
import { signedAs, TEST_CALL_DEADLINE_MS } from '@hospital/service-kit/testing';

/** A running pharmacy (with its patients service) and ways to call it. */
export interface PharmacyHarness {
  /** Promise client to the pharmacy service. */
  client: PharmacyClient;
  /** Promise client to the patients service. */
  patients: PatientsClient;
  /** host:port of the pharmacy service. */
  target: string;
  /** Moves the pharmacy's clock (undefined: real time again). */
  setNow(instant: Date | undefined): void;
  /**
   * Metadata of a call made by a user with this role (anonymous when omitted).
   * @param role - the caller's role
   * @param userId - a fixed user id (a fresh one when omitted)
   * @param requestId - a fixed request id, to find the call's audit rows (a fresh one when omitted)
   */
  as(role?: RoleName, userId?: string, requestId?: string): Metadata;
  /** The test database, to read what the services wrote (the audit trail). */
  db: PrismaClient;
  /** A drug with a unique code; fields may be overridden. */
  createDrug(fields?: CreateDrugRequest): Promise<Drug__Output>;
  /** Receives a lot as a pharmacist. */
  receive(drugId: string, lotNumber: string, quantity: number, expiresOn: string): Promise<StockLot__Output>;
  /** Registers a patient as a doctor. */
  registerPatient(allergies?: string[]): Promise<Patient__Output>;
  /** Prescribes as a doctor. */
  prescribe(patientId: string, drugId: string, quantity: number, extra?: { allergyOverrideReason?: string; doctorId?: string }): Promise<Prescription__Output>;
  /** Stops clients and services. */
  close(): Promise<void>;
}

/** A code no other test uses (drug codes are unique across the shared database). */
export const uniqueCode = (prefix = 'T') => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;

/**
 * A calendar day some days from today (UTC).
 * @param days - offset in days
 */
export const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Starts the patients and pharmacy services for a test file.
 * @param databaseUrl - the run's test database
 */
export async function startPharmacyHarness(databaseUrl: string): Promise<PharmacyHarness> {
  const internalSecret = `test-secret-${randomUUID()}`;
  const logger = createLogger('pharmacy-service-test', 'silent');
  const patientsService = await startPatientsService({ port: 0, host: '127.0.0.1', databaseUrl, internalSecret, possibleDuplicateCheck: false }, { logger });
  let pinned: Date | undefined;
  const service = await startPharmacyService(
    { port: 0, host: '127.0.0.1', databaseUrl, internalSecret, patientsTarget: `127.0.0.1:${patientsService.port}` },
    { logger },
    { now: () => pinned ?? new Date() },
  );
  const target = `127.0.0.1:${service.port}`;
  const client = createPharmacyClient({ target, deadlineMs: TEST_CALL_DEADLINE_MS });
  const patients = createPatientsClient({ target: `127.0.0.1:${patientsService.port}`, deadlineMs: TEST_CALL_DEADLINE_MS });
  const db = createPrismaClient(databaseUrl);
  const as = signedAs(internalSecret);
  return {
    client,
    patients,
    target,
    setNow: (instant) => {
      pinned = instant;
    },
    as,
    db,
    createDrug: (fields = {}) =>
      client.createDrug({ code: uniqueCode(), name: 'Testamol', form: 'DRUG_FORM_TABLET', strength: '500 mg', ...fields }, { metadata: as('pharmacist') }),
    receive: (drugId, lotNumber, quantity, expiresOn) => client.receiveStock({ drugId, lotNumber, quantity, expiresOn }, { metadata: as('pharmacist') }),
    registerPatient: (allergies = []) =>
      patients.registerPatient({ givenName: 'Test', familyName: `Pharmacy${randomUUID().slice(0, 8)}`, dateOfBirth: '1970-01-01', allergies }, { metadata: as('doctor') }),
    prescribe: (patientId, drugId, quantity, extra = {}) =>
      client.prescribe(
        { patientId, drugId, quantity, dose: '1 tablet', frequency: 'twice daily', durationDays: 5, allergyOverrideReason: extra.allergyOverrideReason ?? '' },
        { metadata: as('doctor', extra.doctorId) },
      ),
    async close() {
      client.close();
      patients.close();
      await service.close();
      await patientsService.close();
      await db.$disconnect();
    },
  };
}
