/**
 * Red-team probe of the FHIR facade as an outsider: odd search parameters, ids, cursors, media
 * types, methods, sizes and tokens. Whatever is sent, the answer is a typed FHIR answer (an
 * OperationOutcome for every failure), never a 500 and never a body naming internals.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestSystem } from '@hospital/test-support/system';
import { fhirBase } from '../fhir/fhir-client.ts';
import { registerPatient } from '../support/patients.ts';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;
let doctor: string;
let patientId: string;
systemForFile((running) => (system = running));
beforeAll(async () => {
  doctor = await system.tokenFor('doctor');
  patientId = await registerPatient(system, { givenName: 'Zoë', familyName: 'Ångström', dateOfBirth: '1971-02-03', allergies: [] }, doctor);
}, 120_000);

/** Words that only internals would put in an error body. */
const LEAKS = /prisma|grpc|postgres|ECONN|\bat [\w.<>]+ \(|\/work\/|node_modules|Variable "\$|Cannot query field|FhirPatient|FhirAppointment|Fhir[A-Z]\w+(Read|Search)/i;

async function probe(path: string, init: RequestInit = {}, token: string | null = doctor): Promise<{ status: number; type: string; text: string }> {
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/fhir+json');
  if (token !== null) headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(`${fhirBase(system)}/${path}`, { ...init, headers });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

function expectTyped(label: string, answer: { status: number; type: string; text: string }, allowed: number[]): void {
  const context = `${label} -> ${answer.status} ${answer.text.slice(0, 400)}`;
  expect(answer.status, context).not.toBe(500);
  expect(allowed, context).toContain(answer.status);
  expect(answer.type, context).toMatch(/^application\/fhir\+json/);
  if (answer.status >= 400) expect(JSON.parse(answer.text), context).toMatchObject({ resourceType: 'OperationOutcome' });
  expect(answer.text, context).not.toMatch(LEAKS);
}

const long = (n: number) => 'a'.repeat(n);
const TYPES = ['Patient', 'Practitioner', 'Appointment', 'AllergyIntolerance', 'MedicationRequest', 'Encounter', 'Location', 'Invoice'];

describe('searches with odd parameters answer 200 or a typed 4xx', () => {
  it.each([
    ['Patient?_count=0', [400]],
    ['Patient?_count=-1', [400]],
    ['Patient?_count=1e9', [400]],
    ['Patient?_count=abc', [400]],
    ['Patient?_count=999999', [200]],
    ['Patient?_count=1000000', [400]],
    ['Patient?_count=5&_count=6', [400]],
    ['Patient?_count=%205', [400]],
    ['Patient?_cursor=garbage', [400]],
    ['Patient?_cursor=', [400]],
    [`Patient?_cursor=${Buffer.from('{"id":"x"}').toString('base64')}`, [400]],
    [`Patient?_cursor=${Buffer.from(JSON.stringify([new Date().toISOString(), randomUUID()])).toString('base64url')}`, [200, 400]],
    [`Patient?_cursor=${long(5000)}`, [400]],
    ['Patient?_cursor=%F0%9F%98%80', [400]],
    ['Patient?name=%C3%85ngstr%C3%B6m', [200]],
    ['Patient?name=%F0%9F%98%80', [200, 400]],
    ['Patient?name=%00', [400]],
    ['Patient?name=%E0%A4%A', [200, 400]],
    [`Patient?name=${long(5000)}`, [200, 400]],
    ['Patient?name[a]=b', [400]],
    ['Patient?name[]=b', [200, 400]],
    ['Patient?__proto__=x', [400]],
    ['Patient?constructor=x', [400]],
    ['Patient?identifier=%7C', [200, 400]],
    ['Patient?identifier=a%7Cb%7Cc', [200, 400]],
    ['Patient?birthdate=0050-01-01', [200, 400]],
    ['Patient?birthdate=2026-02-30', [400]],
    ['Patient?birthdate=99999-01-01', [400]],
    ['Patient?gender=%7C', [400]],
    ['Appointment?date=ge0000-01-01', [200, 400]],
    ['Appointment?date=ge2026-02-30T10:00Z', [400]],
    ['Appointment?date=ge275760-09-13', [400]],
    ['Appointment?date=ge9999-12-31', [200]],
    ['Appointment?patient=Patient/not-a-uuid', [200, 400, 404]],
    [`Appointment?patient=Patient/${randomUUID()}`, [200, 404]],
    ['Appointment?patient=http://evil.test/Patient/x', [200, 400, 404]],
    ['Appointment?practitioner=Practitioner/x', [200, 400, 404]],
    // A doctor may not read invoices (finance); Location, one page of every ward, refuses any cursor.
    ...TYPES.map((type) => [type, type === 'Invoice' ? [403] : [200, 400]] as const),
    ...TYPES.map((type) => [`${type}?_count=1&_cursor=AAAA`, type === 'Invoice' ? [403] : [400]] as const),
  ] as const)('%s', async (path, allowed) => {
    expectTyped(path, await probe(path), [...allowed]);
  });
});

describe('unicode names', () => {
  it.each([
    ['name', 'Ångström'],
    ['name', 'ångström'],
    ['family', 'ÅNGSTRÖM'],
    ['given', 'zoë'],
    ['name', 'A\u030Angstro\u0308m'],
  ])('%s=%s finds Zoë Ångström', async (param, value) => {
    const answer = await probe(`Patient?${param}=${encodeURIComponent(value)}`);
    expect(answer.status, answer.text).toBe(200);
    const ids = ((JSON.parse(answer.text) as { entry?: Array<{ resource: { id: string } }> }).entry ?? []).map((entry) => entry.resource.id);
    expect(ids, `${param}=${value}`).toContain(patientId);
  });
});

describe('reads with odd ids answer 404 or 400 (403 for a type the role may not read)', () => {
  it.each([
    ...TYPES.map((type) => `${type}/not-a-uuid`),
    ...TYPES.map((type) => `${type}/${randomUUID()}`),
    ...TYPES.map((type) => `${type}/${long(64)}`),
    'Patient/..',
    'Patient/%2e%2e',
    'Patient/%00',
    `Patient/${long(65)}`,
    'Patient/not-a-uuid/$everything',
    `Patient/${randomUUID()}/$everything`,
    `Patient/${randomUUID()}/$nothing`,
    `Patient/${randomUUID()}/_history/1`,
    'Patient/..%2f..%2fgraphql',
    'Patient/%2e%2e%2fmetadata',
    'metadata/x',
    '',
    '_search',
    'Patient%00',
  ])('%s', async (path) => {
    expectTyped(path, await probe(path), path.startsWith('Invoice/') ? [403] : [400, 404]);
  });
});

describe('media types, methods, sizes and tokens', () => {
  it.each([
    ['Accept text/html', 'Patient', { headers: { accept: 'text/html' } }, [406]],
    ['Accept xml q=1 json q=0', 'Patient', { headers: { accept: 'application/fhir+xml;q=1, application/fhir+json;q=0' } }, [406]],
    ['Accept */*', 'Patient', { headers: { accept: '*/*' } }, [200]],
    ['_format=xml', 'Patient?_format=xml', {}, [406]],
    ['_format twice', 'Patient?_format=json&_format=json', {}, [200, 400, 406]],
    ['POST json', 'Patient', { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: '{"resourceType":"Patient"}' }, [405]],
    ['POST broken json', 'Patient', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }, [400, 405]],
    ['POST xml', 'Patient', { method: 'POST', headers: { 'content-type': 'application/fhir+xml' }, body: '<Patient/>' }, [405]],
    ['POST 2 MB', 'Patient', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"a":"${long(2_000_000)}"}` }, [405, 413]],
    ['DELETE', `Patient/${randomUUID()}`, { method: 'DELETE' }, [405]],
    ['PUT', `Patient/${randomUUID()}`, { method: 'PUT', headers: { 'content-type': 'application/fhir+json' }, body: '{}' }, [405]],
    ['OPTIONS', 'Patient', { method: 'OPTIONS' }, [200, 204, 405]],
    ['8 kB query', `Patient?name=${long(8000)}`, {}, [200, 400, 414]],
  ] as const)('%s', async (label, path, init, allowed) => {
    expectTyped(label, await probe(path, init), [...allowed]);
  });

  it('a query string past the header limit is refused without a 500', async () => {
    const response = await fetch(`${fhirBase(system)}/Patient?name=${long(40_000)}`, { headers: { authorization: `Bearer ${doctor}` } });
    expect([400, 414, 431]).toContain(response.status);
  });

  it.each([
    ['no token', null],
    ['empty bearer', ''],
    ['garbage', 'x'],
    ['a JWT with alg none', `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: randomUUID(), role: 'admin' })).toString('base64url')}.`],
    ['a 6 kB token', long(6000)],
  ])('%s is a 401 OperationOutcome on every data endpoint', async (_label, token) => {
    for (const path of ['Patient', `Patient/${patientId}`, `Patient/${patientId}/$everything`, 'Appointment?date=ge2026-01-01']) {
      const answer = await probe(path, {}, token);
      expectTyped(`${path} with ${_label}`, answer, [401]);
    }
  });

  it('Basic instead of Bearer is a 401', async () => {
    const answer = await probe('Patient', { headers: { authorization: 'Basic Zm9vOmJhcg==' } }, null);
    expectTyped('Basic', answer, [401]);
  });
});
