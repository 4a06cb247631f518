/**
 * Fuzzing every gRPC method of every department (enumerated from the .proto contracts) with
 * hostile request messages, as every kind of caller. Each call ends OK or with a status from the
 * domain vocabulary (never INTERNAL, UNKNOWN or a deadline), its details leak nothing, a rejected
 * write leaves the database unchanged, and every service still answers its health check.
 *
 * FUZZ_SEED replays a run, FUZZ_RUNS scales it (see env.ts).
 */
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity, type Caller, type RoleName } from '@hospital/service-kit';
import { callMetadata, checkHealth } from '@hospital/service-kit/grpc';
import type { TestSystem } from '@hospital/test-support/system';
import { startFuzzSystem, type FuzzSystem } from './fuzz-system.ts';
import { openDbFingerprinter, type DbFingerprinter } from './db-snapshot.ts';
import { FUZZ_RUNS, FUZZ_SEED, fuzzParams } from './env.ts';
import { seedRecords, type SeededIds } from './fuzz-seed.ts';
import { loadFuzzMethods, requestArbitrary, type FuzzMethod } from './grpc-methods.ts';
import { grpcOutcomeProblems } from './response-checks.ts';

const { methods, packages } = loadFuzzMethods();
const ROLES: RoleName[] = ['admin', 'doctor', 'pharmacist', 'finance', 'ward_staff'];
/** Per-method runs: a quarter of the GraphQL properties' (there are some seventy methods). */
const RUNS_PER_METHOD = Math.max(5, FUZZ_RUNS / 4);
const DEADLINE_MS = 10_000;
/** Per-test time limit, grown with FUZZ_RUNS. */
const TIMEOUT_MS = 30_000 + FUZZ_RUNS * 150;

let fuzz: FuzzSystem;
let sys: TestSystem;
let fingerprints: DbFingerprinter;
let seeded: SeededIds;
const clients = new Map<string, grpc.Client>();
const errorLogs: string[] = [];
/** How the fuzzed calls ended, by status name (printed at the end, to see how deep the inputs got). */
const outcomes = new Map<string, number>();

/** Who calls: a user of each role (real account or unknown id), nobody, a service, or a forger. */
type Who = { kind: 'role'; role: RoleName; known: boolean } | { kind: 'anonymous' } | { kind: 'service' } | { kind: 'none' } | { kind: 'forged' };
// Services are trusted by every non-public method, so they carry hostile input deepest.
const who: fc.Arbitrary<Who> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('role' as const), role: fc.constantFrom(...ROLES), known: fc.boolean() }), weight: 5 },
  { arbitrary: fc.constant<Who>({ kind: 'service' }), weight: 3 },
  { arbitrary: fc.constantFrom<Who>({ kind: 'anonymous' }, { kind: 'none' }, { kind: 'forged' }), weight: 2 },
);

function metadataFor(caller: Who, requestId: string): grpc.Metadata {
  if (caller.kind === 'none') return new grpc.Metadata();
  let identity: Caller;
  if (caller.kind === 'role') {
    const account = sys.accounts[caller.role];
    identity = { kind: 'user', role: caller.role, userId: caller.known ? account.id : randomUUID(), email: account.email };
  } else if (caller.kind === 'service') identity = { kind: 'service', service: 'notifications' };
  else identity = { kind: 'anonymous' };
  const secret = caller.kind === 'forged' ? 'not-the-internal-secret-not-the-internal-secret' : sys.internalSecret;
  const metadata = callMetadata(signIdentity(caller.kind === 'forged' ? { kind: 'user', role: 'admin', userId: randomUUID(), email: 'x@y.z' } : identity, secret), requestId);
  return metadata;
}

function clientFor(department: string): grpc.Client {
  let client = clients.get(department);
  if (!client) {
    const target = sys.grpcTargets[department];
    if (!target) throw new Error(`no gRPC target for ${department}`);
    client = new grpc.Client(target, grpc.credentials.createInsecure());
    clients.set(department, client);
  }
  return client;
}

/** One call; resolves with its status code and details, never rejects. */
function call(method: FuzzMethod, request: unknown, metadata: grpc.Metadata, serialize = method.definition.requestSerialize): Promise<{ code: number; details: string }> {
  return new Promise((resolve) => {
    clientFor(method.department).makeUnaryRequest(
      method.definition.path,
      serialize as (value: unknown) => Buffer,
      method.definition.responseDeserialize,
      request,
      metadata,
      { deadline: new Date(Date.now() + DEADLINE_MS) },
      (error) => resolve(error ? { code: error.code, details: error.details } : { code: grpc.status.OK, details: '' }),
    );
  });
}

function describeRequest(request: unknown): string {
  return JSON.stringify(request, (_k, v: unknown) =>
    typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : Array.isArray(v) && v.length > 10 ? `[${v.length} items]` : v,
  );
}

beforeAll(async () => {
  fuzz = await startFuzzSystem(errorLogs);
  sys = fuzz.sys;
  seeded = await seedRecords(sys);
  fingerprints = await openDbFingerprinter(fuzz.database.url);
  console.info(`grpc fuzz: FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${FUZZ_RUNS} (${RUNS_PER_METHOD} per method, ${methods.length} methods)`);
}, 120_000);

afterAll(async () => {
  for (const client of clients.values()) client.close();
  await fingerprints?.close();
  await fuzz?.close();
});

describe('gRPC fuzz of every method', () => {
  it('finds every department’s methods in the contracts', () => {
    const departments = new Set(methods.map((m) => m.department));
    expect([...departments].sort()).toEqual(Object.keys(sys.grpcTargets).sort());
    expect(methods.length).toBeGreaterThan(60);
  });

  it('fingerprints notice a real write (so "unchanged" means something)', async () => {
    const register = methods.find((m) => m.name.endsWith('PatientsService/RegisterPatient'))!;
    const before = await fingerprints.take();
    const outcome = await call(register, { givenName: 'Print', familyName: 'Check', dateOfBirth: '1990-01-01' }, metadataFor({ kind: 'service' }, randomUUID()));
    expect(outcome).toEqual({ code: grpc.status.OK, details: '' });
    expect(fingerprints.diff(before, await fingerprints.take())).toEqual(['patients.patients']);
  });

  it.each(methods.map((m) => [m.name, m] as const))(
    '%s answers hostile requests with typed statuses',
    async (_name, method) => {
      let rejectedWrites = 0;
      await fc.assert(
        fc.asyncProperty(requestArbitrary(packages, method, seeded.all), who, async (request, caller) => {
          const logsBefore = errorLogs.length;
          const before = method.writes ? await fingerprints.take() : undefined;
          const outcome = await call(method, request, metadataFor(caller, randomUUID()));
          const statusName = grpc.status[outcome.code] ?? String(outcome.code);
          outcomes.set(statusName, (outcomes.get(statusName) ?? 0) + 1);
          const problems = grpcOutcomeProblems(outcome.code, outcome.details);
          if (problems.length > 0) {
            throw new Error(
              `${problems.join('\n')}\ncaller: ${JSON.stringify(caller)}\nrequest: ${describeRequest(request)}\nerror logs: ${errorLogs.slice(logsBefore).join('\n').slice(0, 2_000)}`,
            );
          }
          if (!before || outcome.code === grpc.status.OK) return;
          rejectedWrites += 1;
          const changed = fingerprints.diff(before, await fingerprints.take());
          if (changed.length > 0)
            throw new Error(`rejected with ${grpc.status[outcome.code]} (${outcome.details}) but changed ${changed.join(', ')}\nrequest: ${describeRequest(request)}`);
        }),
        fuzzParams(RUNS_PER_METHOD),
      );
      if (method.writes) expect(rejectedWrites, 'some hostile writes were rejected').toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );

  it(
    'answers undecodable bytes without crashing',
    async () => {
      const raw = (bytes: unknown) => Buffer.from(bytes as Uint8Array);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...methods), fc.uint8Array({ minLength: 1, maxLength: 256 }), async (method, bytes) => {
          const outcome = await call(method, bytes, metadataFor({ kind: 'role', role: 'admin', known: true }, randomUUID()), raw);
          // grpc-js answers bytes that are not the request message before any of our code runs.
          if (outcome.code === grpc.status.INTERNAL && /^(Error deserializing request|Request message parsing error)/i.test(outcome.details)) return;
          expect(grpcOutcomeProblems(outcome.code, outcome.details), `${method.name} ${Buffer.from(bytes).toString('hex')}`).toEqual([]);
        }),
        fuzzParams(FUZZ_RUNS / 2),
      );
    },
    TIMEOUT_MS,
  );

  it('leaves every service serving', async () => {
    console.info('grpc fuzz outcomes:', Object.fromEntries(outcomes));
    for (const [name, target] of Object.entries(sys.grpcTargets)) expect(await checkHealth(target), name).toBe('SERVING');
    expect(errorLogs.filter((l) => /unexpected error|unhandled/.test(l)).map((l) => l.slice(0, 600))).toEqual([]);
  });
});
