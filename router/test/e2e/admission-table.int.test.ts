/**
 * One table of edge refusals, run through both transports: every case is sent over HTTP and over
 * the WebSocket (a subscription doing the same thing), and must be refused with its code before
 * any subgraph is called. The router under test is production-configured (masked errors, no
 * introspection), enforces the safelist for browsers, and counts addresses per X-Forwarded-For
 * from loopback, so each case gets a fresh address and only the rate-limit case spends one.
 */
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@hospital/service-kit';
import { startRouter, type RunningRouter } from '../../src/index.ts';
import { sha256 } from '../../src/persisted-operations.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { routerConfigFor } from '@hospital/test-support/router-config';
import { requestAuditRows } from '../support/request-audit-rows.ts';
import { systemForFile } from '../support/system-database.ts';

const BROWSER = 'https://dashboard.test.hospital.local';
const PER_IP = 4;
const PATIENT = '00000000-0000-4000-8000-000000000001';
/** A safelisted subscription (the manifest must not be empty under enforcement). */
const SAFELISTED = 'subscription Safe { appointmentEvents { id } }';

let system: TestSystem;
let router: RunningRouter;
const lines: Array<Record<string, unknown>> = [];
const subgraphCalls = () => lines.filter((l) => l['source'] === 'operation').length;
let tokens: { doctor: string; finance: string; expired: string };

systemForFile((running) => (system = running), {
  logDestination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
});
beforeAll(async () => {
  router = await startRouter(
    {
      ...routerConfigFor(system),
      production: true,
      allowedOrigins: [BROWSER],
      trustProxy: ['loopback'],
      rateLimits: { perIp: PER_IP, perUser: 0, wsConnects: 1_000 },
      persistedOperations: { mode: 'enforce-browser', manifest: new Map([[sha256(SAFELISTED), SAFELISTED]]) },
      refusalAudit: { identityGrpcTarget: system.grpcTargets.identity },
    },
    { logger: createLogger('admission-table', 'silent') },
  );
  const { privateKeyPem, keyId, issuer, audience } = system.jwt;
  const doctor = system.accounts.doctor;
  tokens = {
    doctor: await system.tokenFor('doctor'),
    finance: await system.tokenFor('finance'),
    expired: jwt.sign({ sub: doctor.id, role: 'doctor', email: doctor.email }, privateKeyPem, { algorithm: 'ES256', keyid: keyId, issuer, audience, expiresIn: -10 }),
  };
});

afterAll(async () => {
  await router?.close();
});

type Transport = 'http' | 'ws';
type Who = 'anonymous' | 'doctor' | 'finance' | 'garbage' | 'expired';

/** One refusal: what is sent, as whom, and what must come back on each transport. */
interface RefusalCase {
  name: string;
  who: Who;
  /** The document for a transport (HTTP runs a query or mutation, WebSocket a subscription). */
  document: (transport: Transport) => string;
  operationName?: string;
  fromBrowser?: boolean;
  /** Spend the address's budget first. */
  spendAddress?: boolean;
  code: string;
  status: number;
  /** The WebSocket outcome when it differs from "subscribe refused with `code`". */
  ws?: { closeCode: number } | { handshakeStatus: number } | 'not-applicable';
}

/** A path down and back to a patient (4 levels). */
const around = (inner: string) => `appointments(first: 1) { edges { node { patient { ${inner} } } } }`;
/** Five levels, spread twice below. */
const DEEP = 'fragment A on Patient { appointments(first: 1) { edges { node { patient { id } } } } }';
/** Seven aliases in one fragment: spread three times it executes 21 aliased fields (written: 7). */
const ALIASES = 'fragment F on Patient { a1: id a2: id a3: id a4: id a5: id a6: id a7: id }';

/**
 * The selection under a patient, on either transport (HTTP: a query; WebSocket: a subscription).
 * @param body - the patient's selection
 * @param fragments - the fragment definitions the body spreads
 */
const underPatient =
  (body: string, fragments = '') =>
  (transport: Transport) =>
    transport === 'http'
      ? `query Q { patient(id: "${PATIENT}") { ${body} } } ${fragments}`
      : `subscription S { appointmentEvents { appointment { patient { ${body} } } } } ${fragments}`;

export const REFUSALS: RefusalCase[] = [
  { name: 'anonymous, a non-public operation', who: 'anonymous', document: () => '{ me { id } }', code: 'UNAUTHENTICATED', status: 401, ws: { closeCode: 4401 } },
  { name: 'a garbage token', who: 'garbage', document: () => '{ me { id } }', code: 'UNAUTHENTICATED', status: 401, ws: { closeCode: 4401 } },
  { name: 'an expired token', who: 'expired', document: () => '{ me { id } }', code: 'UNAUTHENTICATED', status: 401, ws: { closeCode: 4401 } },
  {
    name: 'anonymous, an oversized document (even of a public field)',
    who: 'anonymous',
    document: () => `mutation { logout(refreshToken: "x") } # ${'x'.repeat(5_000)}`,
    code: 'UNAUTHENTICATED',
    status: 401,
    ws: { closeCode: 4401 },
  },
  {
    name: 'anonymous, one public field twelve times under aliases (twelve password checks in one request)',
    who: 'anonymous',
    document: () => `mutation { ${Array.from({ length: 12 }, (_, i) => `a${i}: login(email: "x${i}@test.local", password: "guess number ${i}") { accessToken }`).join(' ')} }`,
    code: 'UNAUTHENTICATED',
    status: 401,
    ws: { closeCode: 4401 },
  },
  // Depth 14 (16 on the WebSocket) only once fragment A is counted where it is spread the second time.
  { name: 'depth through a re-spread fragment', who: 'doctor', document: underPatient(`...A ${around(around('...A'))}`, DEEP), code: 'GRAPHQL_VALIDATION_FAILED', status: 400 },
  {
    name: 'aliases through a fragment spread three times',
    who: 'doctor',
    document: underPatient(`...F b: ${around('...F')} c: ${around('...F')}`, ALIASES),
    code: 'GRAPHQL_VALIDATION_FAILED',
    status: 400,
  },
  {
    name: 'too costly',
    who: 'doctor',
    document: underPatient(`appointments(first: 100) { edges { node { patient { appointments(first: 100) { edges { node { id } } } } } } }`),
    code: 'OPERATION_TOO_COSTLY',
    status: 400,
  },
  { name: 'free-form from a browser under enforce-browser', who: 'doctor', fromBrowser: true, document: underPatient('id'), code: 'PERSISTED_OPERATION_REQUIRED', status: 400 },
  { name: 'rate-limited address', who: 'doctor', spendAddress: true, document: underPatient('id'), code: 'RATE_LIMITED', status: 429, ws: { handshakeStatus: 429 } },
  { name: 'a field the role may not read', who: 'finance', document: underPatient('allergies'), code: 'FORBIDDEN', status: 403 },
  {
    name: 'introspection in production',
    who: 'doctor',
    document: () => '{ __schema { queryType { name } } }',
    code: 'GRAPHQL_VALIDATION_FAILED',
    status: 400,
    ws: 'not-applicable',
  },
  { name: 'an unknown operationName', who: 'doctor', operationName: 'Nope', document: underPatient('id'), code: 'OPERATION_RESOLUTION_FAILURE', status: 400 },
  {
    name: 'an unknown variable type',
    who: 'doctor',
    document: (t) => underPatient('id')(t).replace(/^(query Q|subscription S)/, '$1($n: Nope)'),
    code: 'GRAPHQL_VALIDATION_FAILED',
    status: 400,
  },
];

/** A fresh client address (IPv4 in TEST-NET-2, one per request unless a case spends one). */
const freshAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
let addressCounter = 0;
const uniqueAddress = () => `203.0.${Math.floor(addressCounter / 250)}.${(addressCounter++ % 250) + 1}`;

function authorizationOf(who: Who): string | undefined {
  if (who === 'anonymous') return undefined;
  if (who === 'garbage') return 'Bearer garbage';
  return `Bearer ${tokens[who]}`;
}

async function spend(address: string): Promise<void> {
  for (let i = 0; i < PER_IP; i += 1) {
    await fetch(router.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: '{"query":"{ __typename }"}' });
  }
}

async function overHttp(c: RefusalCase): Promise<{ status: number; code: unknown }> {
  const address = uniqueAddress();
  if (c.spendAddress) await spend(address);
  const authorization = authorizationOf(c.who);
  const response = await fetch(router.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': address,
      // eslint-disable-next-line house/conditional-spread -- an HTTP header: undefined would be sent, not left out
      ...(authorization ? { authorization } : {}),
      // eslint-disable-next-line house/conditional-spread -- an HTTP header: undefined would be sent, not left out
      ...(c.fromBrowser ? { origin: BROWSER } : {}),
    },
    body: JSON.stringify({ query: c.document('http'), operationName: c.operationName }),
  });
  const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: unknown } }> };
  return { status: response.status, code: body.errors?.[0]?.extensions?.code };
}

/** The WebSocket outcome: the handshake's HTTP status, the close code, or the subscribe error's code. */
async function overWs(c: RefusalCase): Promise<{ handshakeStatus?: number; closeCode?: number; code?: unknown }> {
  const address = uniqueAddress();
  if (c.spendAddress) await spend(address);
  const socket = new WebSocket(router.url.replace(/^http/, 'ws'), 'graphql-transport-ws', {
    // eslint-disable-next-line house/conditional-spread -- an HTTP header: undefined would be sent, not left out
    headers: { 'x-forwarded-for': address, ...(c.fromBrowser ? { origin: BROWSER } : {}) },
  });
  const authorization = authorizationOf(c.who);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no outcome for ${c.name}`)), 10_000);
    let settled = false;
    const done = (outcome: { handshakeStatus?: number; closeCode?: number; code?: unknown }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
      socket.close();
    };
    // A refused handshake: ws reports it as an error after the response.
    socket.on('error', () => {});
    socket.on('unexpected-response', (request, response) => {
      done({ handshakeStatus: response.statusCode });
      request.destroy();
    });
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: authorization ? { authorization } : {} })));
    socket.on('close', (closeCode) => done({ closeCode }));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; payload?: Array<{ extensions?: { code?: unknown } }> };
      if (message.type === 'connection_ack') {
        const payload = { query: c.document('ws'), operationName: c.operationName };
        socket.send(JSON.stringify({ id: randomUUID(), type: 'subscribe', payload }));
      } else if (message.type === 'error') {
        done({ code: message.payload?.[0]?.extensions?.code });
      } else if (message.type === 'next') {
        done({ code: 'ADMITTED' });
      }
    });
  });
}

describe('edge refusals, one table through HTTP and WebSocket', () => {
  it.each(REFUSALS)('HTTP refuses $name with $code ($status), calling no subgraph', async (c) => {
    const before = subgraphCalls();
    expect(await overHttp(c)).toEqual({ status: c.status, code: c.code });
    expect(subgraphCalls()).toBe(before);
  });

  it.each(REFUSALS.filter((c) => c.ws !== 'not-applicable'))('WebSocket refuses $name, calling no subgraph', async (c) => {
    const before = subgraphCalls();
    const outcome = await overWs(c);
    if (c.ws && c.ws !== 'not-applicable') expect(outcome).toEqual(c.ws);
    else expect(outcome).toEqual({ code: c.code });
    expect(subgraphCalls()).toBe(before);
  });

  it('still admits what the table refuses once it is within the rules', async () => {
    const address = freshAddress();
    const response = await fetch(router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address, authorization: `Bearer ${tokens.doctor}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(await response.json()).toEqual({ data: { me: { id: system.accounts.doctor.id } } });
  });
});

describe('availability before authentication', () => {
  /** A few hundred repeated fields with sub-selections: quadratic to validate. */
  const heavy = (repeats: number) => `query { ${Array.from({ length: repeats }, () => 'me { id email role }').join(' ')} }`;

  it('refuses an anonymous heavy document with 401 before it is parsed or validated', async () => {
    const ran = { ...router.admissionStepRuns };
    // Over the size bound; under it but over the token cap; small but not public.
    for (const document of [heavy(300), heavy(130), heavy(40)]) {
      const response = await fetch(router.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': uniqueAddress() },
        body: JSON.stringify({ query: document }),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
    // All stopped at the anonymous gate: the full parse and validation never ran.
    expect(router.admissionStepRuns['anonymous-gate']).toBe((ran['anonymous-gate'] ?? 0) + 3);
    expect(router.admissionStepRuns['parse'] ?? 0).toBe(ran['parse'] ?? 0);
    expect(router.admissionStepRuns['validate'] ?? 0).toBe(ran['validate'] ?? 0);
  });

  it('reads no large body from an anonymous caller (413), while a signed-in one may send it', async () => {
    const big = JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(20_000)}` });
    const anonymous = await fetch(router.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': uniqueAddress() }, body: big });
    expect(anonymous.status).toBe(413);
    const signedIn = await fetch(router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': uniqueAddress(), authorization: `Bearer ${tokens.doctor}` },
      body: big,
    });
    expect(((await signedIn.json()) as { data?: unknown }).data).toEqual({ me: { id: system.accounts.doctor.id } });
  });

  it('still lets anonymous callers sign in', async () => {
    const { email, password } = system.accounts.doctor;
    const response = await fetch(router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': uniqueAddress() },
      body: JSON.stringify({
        query: 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
        variables: { email, password },
      }),
    });
    const body = (await response.json()) as { data?: { login?: { accessToken?: string } } };
    expect(typeof body.data?.login?.accessToken).toBe('string');
  });
});

describe('the refusal hook', () => {
  type Row = { actorKind: string; actorId: string | null; outcome: string; reason: string | null; requestId: string; patientId: string | null };
  /** Rows are looked for from this long before each test's requests (the database's clock stamps them). */
  const CLOCK_SLACK_MS = 5_000;
  let since = new Date();
  beforeEach(() => {
    since = new Date(Date.now() - CLOCK_SLACK_MS);
  });

  /** The rows of a request id, once they have been written (anonymous refusals are recorded in the background). */
  async function rowsOf(requestId: string, expected: number): Promise<Row[]> {
    const admin = await system.tokenFor('admin');
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const rows = await requestAuditRows<Row>(system, admin, requestId, 'actorKind actorId outcome reason patientId', since);
      if (rows.length >= expected) return rows;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return [];
  }

  it('leaves one denied row for an anonymous refusal and one for a bad token', async () => {
    const send = async (authorization?: string) => {
      const response = await fetch(router.url, {
        method: 'POST',
        // eslint-disable-next-line house/conditional-spread -- an HTTP header: undefined would be sent, not left out
        headers: { 'content-type': 'application/json', 'x-forwarded-for': uniqueAddress(), ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      expect(response.status).toBe(401);
      return response.headers.get('x-request-id')!;
    };
    const anonymous = await send();
    const badToken = await send('Bearer garbage');
    expect(await rowsOf(anonymous, 1)).toEqual([{ actorKind: 'ANONYMOUS', actorId: null, outcome: 'DENIED', reason: 'UNAUTHENTICATED', requestId: anonymous, patientId: null }]);
    expect(await rowsOf(badToken, 1)).toEqual([{ actorKind: 'ANONYMOUS', actorId: null, outcome: 'DENIED', reason: 'UNAUTHENTICATED', requestId: badToken, patientId: null }]);
  });

  it('leaves one denied row for a WebSocket connection_init with a bad token, and one for an anonymous one', async () => {
    /** Opens a connection (its request id is in the handshake's answer) and sends connection_init. */
    const connect = (authorization?: string) =>
      new Promise<{ requestId: string; closeCode: number }>((resolve, reject) => {
        const socket = new WebSocket(router.url.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers: { 'x-forwarded-for': uniqueAddress() } });
        let requestId = '';
        socket.on('error', reject);
        socket.on('upgrade', (response) => (requestId = String(response.headers['x-request-id'])));
        socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: authorization ? { authorization } : {} })));
        socket.on('close', (closeCode) => resolve({ requestId, closeCode }));
      });
    const badToken = await connect('Bearer garbage');
    const anonymous = await connect();
    expect([badToken.closeCode, anonymous.closeCode]).toEqual([4401, 4401]);
    expect(await rowsOf(badToken.requestId, 1)).toEqual([
      { actorKind: 'ANONYMOUS', actorId: null, outcome: 'DENIED', reason: 'UNAUTHENTICATED', requestId: badToken.requestId, patientId: null },
    ]);
    expect(await rowsOf(anonymous.requestId, 1)).toEqual([
      { actorKind: 'ANONYMOUS', actorId: null, outcome: 'DENIED', reason: 'UNAUTHENTICATED', requestId: anonymous.requestId, patientId: null },
    ]);
  });

  it('reports a rate-limited address once per window, not once per refused request', async () => {
    const address = uniqueAddress();
    await spend(address);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await fetch(router.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: '{"query":"{ __typename }"}' });
      expect(response.status).toBe(429);
      ids.push(response.headers.get('x-request-id')!);
    }
    expect(await rowsOf(ids[0]!, 1)).toMatchObject([{ reason: 'RATE_LIMITED', outcome: 'DENIED' }]);
    for (const requestId of ids.slice(1)) expect(await rowsOf(requestId, 0)).toEqual([]);
  });
});
