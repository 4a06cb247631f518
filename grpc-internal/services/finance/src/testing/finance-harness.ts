/**
 * Integration-test harness: the real patients, appointments, ward and finance services on port 0
 * against the run's test database (finance calls them over gRPC exactly as in production), promise clients,
 * signed caller identities as the router would send them, and builders for invoices in any state.
 */
import { randomUUID } from 'node:crypto';
import type { Metadata } from '@grpc/grpc-js';
import { createPrismaClient, type PrismaClient } from '@hospital/db';
import {
  createFinanceClient,
  createPatientsClient,
  createWardClient,
  type FinanceClient,
  type Invoice__Output,
  type PatientsClient,
  type WardClient,
} from '@hospital/grpc-contracts';
import { startAppointmentsService } from '@hospital/appointments-service';
import { startWardService } from '@hospital/ward-service';
import { startPatientsService } from '@hospital/patients-service';
import { createLogger, type RoleName } from '@hospital/service-kit';
import { startFinanceService } from '../finance-service.ts';
import { signedAs, TEST_CALL_DEADLINE_MS } from '@hospital/service-kit/testing';

/** A running finance service (with its patients service) and ways to call it. */
export interface FinanceHarness {
  /** Promise client to the finance service. */
  client: FinanceClient;
  /** host:port of the finance service. */
  target: string;
  /** Promise client to the patients service. */
  patients: PatientsClient;
  /** Promise client to the ward service (to admit patients whose stays are billed). */
  ward: WardClient;
  /** Direct database access, for checking what the service stored. */
  db: PrismaClient;
  /**
   * Metadata of a call made by a user with this role (anonymous when omitted).
   * @param role - the caller's role
   */
  as(role?: RoleName): Metadata;
  /** Registers a patient (as a doctor) and returns its id. */
  patient(): Promise<string>;
  /**
   * A DRAFT invoice in EUR with the given lines (unit prices in cents, no tax).
   * @param prices - one line per price
   */
  draft(prices?: number[]): Promise<Invoice__Output>;
  /**
   * An ISSUED invoice totalling the sum of `prices` (cents).
   * @param prices - one line per price
   */
  issued(prices?: number[]): Promise<Invoice__Output>;
  /** Stops clients and services. */
  close(): Promise<void>;
}

/**
 * EUR money as the proto takes it.
 * @param cents - minor units
 * @param currency - ISO code (EUR by default)
 */
export const eur = (cents: number | bigint, currency = 'EUR') => ({ amountMinor: String(cents), currency });

/**
 * Starts both services for a test file.
 * @param databaseUrl - the run's test database
 */
export async function startFinanceHarness(databaseUrl: string): Promise<FinanceHarness> {
  const internalSecret = `test-secret-${randomUUID()}`;
  const logger = createLogger('finance-service-test', 'silent');
  const patientsService = await startPatientsService({ port: 0, host: '127.0.0.1', databaseUrl, internalSecret, possibleDuplicateCheck: false }, { logger });
  const patientsTarget = `127.0.0.1:${patientsService.port}`;
  // Appointments only answers lookups here; booking (which asks identity) is left to the end-to-end tests.
  const appointmentsService = await startAppointmentsService(
    { port: 0, host: '127.0.0.1', databaseUrl, internalSecret, identityTarget: '127.0.0.1:9', patientsTarget },
    { logger },
  );
  const wardService = await startWardService({ port: 0, host: '127.0.0.1', databaseUrl, internalSecret, patientsTarget }, { logger });
  const wardTarget = `127.0.0.1:${wardService.port}`;
  const appointmentsTarget = `127.0.0.1:${appointmentsService.port}`;
  const service = await startFinanceService(
    { port: 0, host: '127.0.0.1', databaseUrl, internalSecret, patientsTarget, appointmentsTarget, wardTarget, grpcDeadlineMs: TEST_CALL_DEADLINE_MS },
    { logger },
  );
  const ward = createWardClient({ target: wardTarget, deadlineMs: TEST_CALL_DEADLINE_MS });
  const target = `127.0.0.1:${service.port}`;
  const client = createFinanceClient({ target, deadlineMs: TEST_CALL_DEADLINE_MS });
  const patients = createPatientsClient({ target: patientsTarget, deadlineMs: TEST_CALL_DEADLINE_MS });
  const db = createPrismaClient(databaseUrl, { poolSize: 2 });
  const as = signedAs(internalSecret);
  const patient = async () =>
    (await patients.registerPatient({ givenName: 'Bill', familyName: `Payer${randomUUID().slice(0, 8)}`, dateOfBirth: '1970-01-01' }, { metadata: as('doctor') })).id;
  const draft = async (prices: number[] = [10_000]) => {
    let invoice = await client.createInvoice({ patientId: await patient(), currency: 'EUR' }, { metadata: as('finance') });
    for (const [i, price] of prices.entries()) {
      invoice = await client.addInvoiceLine(
        { invoiceId: invoice.id, code: `SVC-${i + 1}`, description: 'Service', quantity: 1, unitPrice: eur(price) },
        { metadata: as('finance') },
      );
    }
    return invoice;
  };
  return {
    client,
    target,
    patients,
    ward,
    db,
    as,
    patient,
    draft,
    issued: async (prices) => client.issueInvoice({ id: (await draft(prices)).id }, { metadata: as('finance') }),
    async close() {
      client.close();
      patients.close();
      ward.close();
      await db.$disconnect();
      await service.close();
      await Promise.all([wardService.close(), appointmentsService.close()]);
      await patientsService.close();
    },
  };
}
