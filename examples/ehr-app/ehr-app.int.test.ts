/**
 * The example EHR client against the real router (issue 16): registered with its scopes, it
 * takes a token, pages through patients with cursors, follows appointment events, books an
 * appointment and sees its event, and rides out RATE_LIMITED by waiting Retry-After.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityClient } from '@hospital/grpc-contracts';
import { signIdentity } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import { testDatabaseUrl } from '../../test/helpers.ts';
import { appointmentFixtures } from '../../router/test/e2e/appointment-fixtures.ts';
import { startTestSystem, type TestSystem } from '@hospital/test-support/system';
import { ApiError, EhrClient } from './ehr-client.ts';

let system: TestSystem;
let client: EhrClient;
const fx = appointmentFixtures(() => system);
beforeAll(async () => {
  // A small per-caller budget, so the example meets RATE_LIMITED within the test.
  system = await startTestSystem(testDatabaseUrl(), { abuseLimits: { rateLimits: { perUser: 8, perIp: 10_000, wsConnects: 100, windowSeconds: 2 } } });
  const identity = createIdentityClient({ target: system.grpcTargets.identity, deadlineMs: 10_000 });
  const metadata = callMetadata(signIdentity({ kind: 'user', userId: randomUUID(), role: 'admin', email: 'admin@test.local' }, system.internalSecret), randomUUID());
  const { app, clientSecret } = await identity.registerClientApp(
    { name: 'Example EHR', contact: 'dev@ehr.example', allowedScopes: ['system/Patient.rs', 'system/Appointment.crs'], allowedOrigins: [], jwksJson: '' },
    { metadata },
  );
  identity.close();
  client = new EhrClient({ baseUrl: system.routerUrl.replace(/\/graphql$/, ''), clientId: app!.id, clientSecret });
}, 120_000);
afterAll(async () => {
  await client?.close();
  await system?.close();
});

describe('the example EHR app', () => {
  it('pages through patients, books an appointment and receives its event', async () => {
    const created = [await fx.patient(), await fx.patient(), await fx.patient()];
    // Pages of 100: the run's shared database holds every file's patients (thousands), one a page ran past the limit.
    const patients = await client.allPatients(100);
    expect(patients.map((p) => p.id)).toEqual(expect.arrayContaining(created));
    const events: string[] = [];
    const before = system.activeSubscriptions('appointments');
    const stop = await client.onAppointmentEvents((event) => events.push(event.appointment.id));
    const deadline = Date.now() + 10_000;
    while (system.activeSubscriptions('appointments') <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const booked = await client.book({ patientId: created[0]!, doctorId: system.accounts.doctor.id, ...fx.slot(900) });
    expect(booked.status).toBe('SCHEDULED');
    await expect.poll(() => events, { timeout: 10_000 }).toContain(booked.id);
    stop();
  }, 90_000);

  it('waits out RATE_LIMITED with Retry-After instead of failing', async () => {
    const before = client.retries;
    // Sent together, so all twelve fall in one 2 s window of the budget of 8: one after another on a
    // loaded machine they spread over two windows and never met the limit.
    await Promise.all(Array.from({ length: 12 }, () => client.request('{ patients(first: 1) { totalCount } }')));
    expect(client.retries).toBeGreaterThan(before);
  }, 90_000);

  it('gets FORBIDDEN, as a typed error, for what its scopes do not cover', async () => {
    await expect(client.request('{ invoices(first: 1) { totalCount } }')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(client.request('{ invoices(first: 1) { totalCount } }')).rejects.toBeInstanceOf(ApiError);
  }, 90_000);
});
