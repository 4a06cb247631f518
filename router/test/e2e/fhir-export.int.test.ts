/**
 * Bulk export (FHIR Bulk Data, issue 17): `Patient/$export` for system apps through the real
 * router, subgraphs and services: kick-off with `Prefer: respond-async`, status polling, the
 * manifest, NDJSON files validated against the R4 StructureDefinitions, each export seen by its
 * own app only, DELETE, and the per-app limit (429).
 */
import type { OperationOutcome, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueLetters } from '@hospital/service-kit/testing';
import type { IdentityClient } from '@hospital/grpc-contracts';
import { useOwnDatabase } from '../../../test/own-database.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { startSystemWithIdentity, systemAppToken } from '../support/client-apps.ts';
import { registerSiblings } from '../support/patients.ts';
import { expectValidFhir, fhirBase, fhirGet } from '../fhir/fhir-client.ts';
import { bearerHeader } from '@hospital/test-support/bearer';
import { dataOf } from './ward-fixtures.ts';

interface Manifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: Array<{ type: string; url: string; count: number }>;
  error: Array<{ type: string; url: string }>;
}

let system: TestSystem;
let identity: IdentityClient;
let doctor: string;
let app: string;
let otherApp: string;
const family = `Bulk${uniqueLetters(8)}`;
const ids: string[] = [];
const ASYNC = { prefer: 'respond-async' };

// A database of its own: an export reads every patient, and each read leaves an audit row that
// files running beside this one, counting their own patients' rows, would see.
const own = useOwnDatabase();

beforeAll(async () => {
  ({ system, identity } = await startSystemWithIdentity(own.database.url));
  doctor = await system.tokenFor('doctor');
  [app, otherApp] = await Promise.all([systemAppToken(system, identity, ['system/Patient.rs']), systemAppToken(system, identity, ['system/Patient.rs'])]);
  ids.push(...(await registerSiblings(system, family, doctor)));
}, 120_000);
afterAll(async () => {
  identity?.close();
  await system?.close();
});

async function send(url: string, token: string | undefined, method = 'GET'): Promise<Response> {
  return fetch(url, { method, headers: bearerHeader(token) });
}

describe('Patient/$export', () => {
  it('runs asynchronously for a system app: 202 and a status URL, then the manifest and NDJSON files, for that app only', async () => {
    const kickOff = await fhirGet(system, 'Patient/$export', app, ASYNC);
    expect(kickOff.status, JSON.stringify(kickOff.body)).toBe(202);
    const statusUrl = kickOff.headers.get('content-location')!;
    expect(statusUrl).toMatch(/\/fhir\/R4\/\$export-status\/[0-9a-f-]{36}$/);

    // One export held at a time: the next kick-off is a 429 until this one is deleted.
    const second = await fhirGet(system, 'Patient/$export', app, ASYNC);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expectValidFhir(second.body);

    let manifest: Manifest | undefined;
    await expect
      .poll(
        async () => {
          const answer = await send(statusUrl, app);
          if (answer.status === 202) expect(answer.headers.get('x-progress')).toMatch(/resources exported/);
          if (answer.status === 200) manifest = (await answer.json()) as Manifest;
          return answer.status;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(200);
    expect(manifest).toMatchObject({ requiresAccessToken: true, request: expect.stringContaining('/fhir/R4/Patient/$export') });
    const patients = manifest!.output.find((file) => file.type === 'Patient')!;
    expect(patients.count).toBeGreaterThanOrEqual(3);
    // Appointments, prescriptions, stays and invoices are not this app's to read: left out and said so.
    expect(manifest!.output.map((file) => file.type)).toEqual(['Patient']);
    expect(manifest!.error).toEqual([{ type: 'OperationOutcome', url: expect.stringContaining('/OperationOutcome.ndjson') }]);

    const file = await send(patients.url, app);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^application\/fhir\+ndjson/);
    const lines = (await file.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(patients.count);
    const resources = lines.map((line) => JSON.parse(line) as Patient);
    for (const resource of resources) expectValidFhir(resource);
    expect(resources.map((patient) => patient.id)).toEqual(expect.arrayContaining(ids));
    const errors = (await (await send(manifest!.error[0]!.url, app)).text()).trimEnd().split('\n');
    expect(errors.map((line) => (JSON.parse(line) as OperationOutcome).issue[0]!.diagnostics)).toEqual(
      expect.arrayContaining([expect.stringContaining('Appointment left out'), expect.stringContaining('system/Invoice.s')]),
    );

    // Another app, no token: nothing to see.
    for (const url of [statusUrl, patients.url]) {
      expect((await send(url, otherApp)).status).toBe(404);
      expect((await send(url, undefined)).status).toBe(401);
    }

    // DELETE forgets it and frees the app's slot.
    expect((await send(statusUrl, app, 'DELETE')).status).toBe(202);
    expect((await send(statusUrl, app)).status).toBe(404);
    expect((await send(patients.url, app)).status).toBe(404);
    const again = await fhirGet(system, 'Patient/$export?_type=Patient', app, ASYNC);
    expect(again.status).toBe(202);
    expect((await send(again.headers.get('content-location')!, app, 'DELETE')).status).toBe(202);
  });

  it('of racing kick-offs by one app, exactly one starts and the others get 429', async () => {
    const racer = await systemAppToken(system, identity, ['system/Patient.rs']);
    const answers = await Promise.all([1, 2, 3, 4].map(() => fhirGet(system, 'Patient/$export?_type=Patient', racer, ASYNC)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([202, 429, 429, 429]);
    const started = answers.find((answer) => answer.status === 202)!;
    expect((await send(started.headers.get('content-location')!, racer, 'DELETE')).status).toBe(202);
  });

  it('leaves audit rows for the patients it exported, under the kick-off request id', async () => {
    const auditor = await systemAppToken(system, identity, ['system/Patient.rs']);
    const kickOff = await fhirGet(system, 'Patient/$export?_type=Patient', auditor, ASYNC);
    expect(kickOff.status).toBe(202);
    const requestId = kickOff.headers.get('x-request-id')!;
    const admin = await system.tokenFor('admin');
    const rows = async () => {
      const trail = await system.gql<{ auditTrail: { edges: Array<{ node: { operation: string | null; requestId: string; actorKind: string } }> } }>(
        'query Trail($patientId: ID) { auditTrail(patientId: $patientId, first: 100) { edges { node { operation requestId actorKind } } } }',
        { patientId: ids[0] },
        admin,
      );
      return dataOf(trail)
        .auditTrail.edges.filter((edge) => edge.node.requestId === requestId)
        .map((edge) => edge.node.operation);
    };
    await expect.poll(rows, { timeout: 30_000 }).toContain('FhirPatientSearch');
    expect((await send(kickOff.headers.get('content-location')!, auditor, 'DELETE')).status).toBe(202);
  });

  it.each([
    ['a user (not a system app)', 'doctor', 'Patient/$export', ASYNC, 403],
    ['an app without the Patient scope', 'appointments-app', 'Patient/$export?_type=Patient', ASYNC, 403],
    ['no Prefer: respond-async', 'app', 'Patient/$export', {}, 400],
    ['a type it cannot export', 'app', 'Patient/$export?_type=Observation', ASYNC, 400],
    ['_since (not supported)', 'app', 'Patient/$export?_since=2026-01-01', ASYNC, 400],
    ['no token', undefined, 'Patient/$export', ASYNC, 401],
  ] as const)('refuses %s with an OperationOutcome', async (_label, who, path, headers, status) => {
    const token = who === 'doctor' ? doctor : who === 'app' ? otherApp : who === 'appointments-app' ? await systemAppToken(system, identity, ['system/Appointment.rs']) : undefined;
    const answer = await fhirGet<OperationOutcome>(system, path, token, headers);
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expectValidFhir(answer.body);
    if (who === 'appointments-app') expect(answer.body.issue[0]!.diagnostics).toContain('system/Patient.s');
  });

  it('is listed on Patient in the CapabilityStatement', async () => {
    const statement = await fhirGet(system, 'metadata');
    const patient = (statement.body as { rest: Array<{ resource: Array<{ type: string; operation?: Array<{ name: string }> }> }> }).rest[0]!.resource.find(
      (r) => r.type === 'Patient',
    )!;
    expect(patient.operation!.map((op) => op.name)).toContain('export');
    expect(fhirBase(system)).toMatch(/\/fhir\/R4$/);
  });
});
