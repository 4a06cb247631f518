/**
 * Integration-test harness: the real notifications service (gRPC API, consumer, sender) on port 0
 * with the real identity, patients and appointments services it calls, a real SMTP sink, and the
 * run's test database. Appointments are booked through the appointments gRPC service, so events
 * reach the consumer exactly as in production.
 */
import { randomUUID } from 'node:crypto';
import type { Metadata } from '@grpc/grpc-js';
import { startAppointmentsService } from '@hospital/appointments-service';
import { createPrismaClient, type PrismaClient } from '@hospital/db';
import {
  createAppointmentsClient,
  createIdentityClient,
  createNotificationsClient,
  createPatientsClient,
  type AppointmentsClient,
  type IdentityClient,
  type NotificationsClient,
  type PatientsClient,
} from '@hospital/grpc-contracts';
import { startIdentityService } from '@hospital/identity-service';
import { testJwtSettings } from '@hospital/identity-service/testing';
import { startPatientsService } from '@hospital/patients-service';
import { createLogger, type RoleName } from '@hospital/service-kit';
import { STAFF_TEST_PASSWORD, uniqueLetters } from '@hospital/service-kit/testing';
import type { ChannelName } from '../channels/notification-channel.ts';
import { LoggingSmsProvider } from '../channels/sms-channel.ts';
import { startNotificationsService, type NotificationsServiceConfig } from '../notifications-service.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';
import { signedCaller, TEST_CALL_DEADLINE_MS, utcMorningInDays } from '@hospital/service-kit/testing';

/** What a test can reach. */
export interface NotificationsHarness {
  /** Client of the notifications service. */
  notifications: NotificationsClient;
  appointments: AppointmentsClient;
  identity: IdentityClient;
  patients: PatientsClient;
  /** host:port of each service. */
  targets: { notifications: string; appointments: string; patients: string; identity: string };
  internalSecret: string;
  /** The service's configuration (to build extra consumers in tests). */
  config: NotificationsServiceConfig;
  /** The SMTP sink the service sends to. */
  sink: SmtpSink;
  /** What the logging SMS provider recorded. */
  sms: LoggingSmsProvider;
  /** Database access for assertions on the notifications schema. */
  db: PrismaClient;
  /**
   * Metadata of a call by a user (a fresh id unless given).
   * @param role - the role
   * @param userId - the user id
   */
  as(role: RoleName, userId?: string): Metadata;
  /** Creates an active doctor with a unique email. */
  newDoctor(): Promise<{ id: string; email: string }>;
  /**
   * Registers a patient with these contact details.
   * @param contact - email and phone ('' for none)
   */
  newPatient(contact?: { email?: string; phone?: string }): Promise<string>;
  /**
   * Books an appointment as the doctor, `offsetMinutes` after tomorrow 08:00 UTC, 30 minutes.
   * @param doctorId - the doctor (also the caller)
   * @param patientId - the patient
   * @param offsetMinutes - start offset
   */
  book(doctorId: string, patientId: string, offsetMinutes: number): Promise<{ id: string }>;
  close(): Promise<void>;
}

/**
 * Starts the services, the sink and clients for a test file.
 * @param databaseUrl - the run's test database
 * @param options - channels this instance sends (all by default)
 */
export async function startNotificationsHarness(databaseUrl: string, options: { sendChannels?: ChannelName[] } = {}): Promise<NotificationsHarness> {
  const internalSecret = `test-secret-${randomUUID()}`;
  const logger = createLogger('notifications-test', 'silent');
  const host = '127.0.0.1';
  const identityService = await startIdentityService({ port: 0, host, databaseUrl, internalSecret, jwt: testJwtSettings() }, { logger });
  const patientsService = await startPatientsService({ port: 0, host, databaseUrl, internalSecret, possibleDuplicateCheck: false }, { logger });
  const identityTarget = `${host}:${identityService.port}`;
  const patientsTarget = `${host}:${patientsService.port}`;
  const appointmentsService = await startAppointmentsService(
    { port: 0, host, databaseUrl, internalSecret, identityTarget, patientsTarget, peerDeadlineMs: TEST_CALL_DEADLINE_MS },
    { logger },
  );
  const appointmentsTarget = `${host}:${appointmentsService.port}`;
  const sink = await startSmtpSink();
  const sms = new LoggingSmsProvider(logger);
  const config: NotificationsServiceConfig = {
    port: 0,
    host,
    databaseUrl,
    internalSecret,
    targets: { appointments: appointmentsTarget, patients: patientsTarget, identity: identityTarget },
    email: { smtpUrl: sink.url, from: 'Hospital <no-reply@hospital.local>', timeoutMs: 2_000 },
    timeZone: 'Europe/London',
    grpcDeadlineMs: TEST_CALL_DEADLINE_MS,
    pollIntervalMs: 100,
    retry: { maxAttempts: 6, baseMs: 100, capMs: 1_000 },
    sendChannels: options.sendChannels,
  };
  const service = await startNotificationsService(config, { logger, smsProvider: sms });
  const targets = { notifications: `${host}:${service.port}`, appointments: appointmentsTarget, patients: patientsTarget, identity: identityTarget };
  const notifications = createNotificationsClient({ target: targets.notifications, deadlineMs: TEST_CALL_DEADLINE_MS });
  const appointments = createAppointmentsClient({ target: appointmentsTarget, deadlineMs: TEST_CALL_DEADLINE_MS });
  const identity = createIdentityClient({ target: identityTarget, deadlineMs: TEST_CALL_DEADLINE_MS });
  const patients = createPatientsClient({ target: patientsTarget, deadlineMs: TEST_CALL_DEADLINE_MS });
  const db = createPrismaClient(databaseUrl, { poolSize: 4 });
  const sign = signedCaller(internalSecret);
  const as = (role: RoleName, userId: string = randomUUID()) => sign({ kind: 'user', userId, role, email: `${role}-${userId.slice(0, 8)}@test.local` });
  const tomorrow = utcMorningInDays(1);

  return {
    notifications,
    appointments,
    identity,
    patients,
    targets,
    internalSecret,
    config,
    sink,
    sms,
    db,
    as,
    async newDoctor() {
      const email = `notify-dr-${randomUUID().slice(0, 12)}@test.hospital.local`;
      const user = await identity.createUser({ email, password: STAFF_TEST_PASSWORD, displayName: 'Dr Notify', role: 'ROLE_DOCTOR' }, { metadata: as('admin') });
      return { id: user.id, email };
    },
    async newPatient(contact = {}) {
      const patient = await patients.registerPatient(
        { givenName: 'Nora', familyName: `Notify${uniqueLetters(8)}`, dateOfBirth: '1980-01-01', sex: 'SEX_FEMALE', ...contact },
        { metadata: as('doctor') },
      );
      return patient.id;
    },
    async book(doctorId, patientId, offsetMinutes) {
      const startsAt = new Date(tomorrow.getTime() + offsetMinutes * 60_000);
      const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
      const request = { patientId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), reason: 'Persistent cough' };
      return appointments.bookAppointment(request, { metadata: as('doctor', doctorId) });
    },
    async close() {
      for (const client of [notifications, appointments, identity, patients]) client.close();
      await db.$disconnect();
      await service.close();
      await sink.close();
      await appointmentsService.close();
      await patientsService.close();
      await identityService.close();
    },
  };
}

/**
 * Polls until `probe` returns a value (not undefined), or fails after the deadline.
 * @param probe - the check; resolves undefined while not there yet
 * @param what - what is awaited, for the failure message
 * @param timeoutMs - the deadline
 */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
