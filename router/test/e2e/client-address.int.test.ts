/**
 * The client address in the audit trail, through the real system: a process on the host forging
 * X-Forwarded-For is recorded under its own socket address; a browser behind the real web server
 * (which proves its forwarding with the shared proxy secret) under the browser's address.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '../../../web/server/static-server.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { registerPatient } from '../support/patients.ts';
import { systemForFile } from '../support/system-database.ts';

const proxySecret = randomBytes(32).toString('base64url');
let system: TestSystem;
let web: RunningWebServer;
let dist: string;
let doctorToken: string;
let adminToken: string;
let patientId: string;

systemForFile((running) => (system = running), { abuseLimits: { proxySecret } });
beforeAll(async () => {
  doctorToken = await system.tokenFor('doctor');
  adminToken = await system.tokenFor('admin');
  dist = await mkdtemp(path.join(tmpdir(), 'client-address-'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html>');
  web = await startWebServer({ port: 0, host: '127.0.0.1', distDir: dist, graphqlUrl: system.routerUrl, proxySecret });
  patientId = await registerPatient(system, { givenName: 'Ira', familyName: `Addr${randomUUID().slice(0, 8)}`, dateOfBirth: '1980-02-03' }, doctorToken);
});

afterAll(async () => {
  await web?.close();
  if (dist) await rm(dist, { recursive: true, force: true });
});

/** The id the router minted for each labelled request (it ignores a client's x-request-id). */
const minted = new Map<string, string>();

/** The doctor reads the chart through `url` from `localAddress`, with extra headers. */
function readChart(url: string, localAddress: string, requestId: string, headers: Record<string, string> = {}): Promise<number> {
  const body = JSON.stringify({ query: 'query Chart($id: ID!) { patient(id: $id) { id givenName } }', variables: { id: patientId } });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', authorization: `Bearer ${doctorToken}`, ...headers } },
      (res) => {
        minted.set(requestId, String(res.headers['x-request-id']));
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function auditedAddress(requestId: string): Promise<string | null | undefined> {
  const trail = await system.gql<{ auditTrail: { edges: { node: { requestId: string; ip: string | null } }[] } }>(
    'query Trail($patientId: ID) { auditTrail(patientId: $patientId, first: 50) { edges { node { requestId ip } } } }',
    { patientId },
    adminToken,
  );
  expect(trail.errors).toBeUndefined();
  return trail.data!.auditTrail.edges.find((edge) => edge.node.requestId === minted.get(requestId))?.node.ip;
}

describe('the audited client address', () => {
  it('is the socket address of a local process that forges X-Forwarded-For without proof', async () => {
    expect(await readChart(system.routerUrl, '127.0.0.51', 'req-forged-xff', { 'x-forwarded-for': '203.0.113.66', 'x-forwarded-for-proof': 'forged' })).toBe(200);
    const ip = await auditedAddress('req-forged-xff');
    expect(ip).toMatch(/127\.0\.0\.51$/);
  });

  it('is the browser’s address when the request comes through the web server', async () => {
    expect(await readChart(`${web.url}graphql`, '127.0.0.52', 'req-through-web', { 'x-forwarded-for': '203.0.113.67' })).toBe(200);
    const ip = await auditedAddress('req-through-web');
    expect(ip).toMatch(/127\.0\.0\.52$/);
  });
});
