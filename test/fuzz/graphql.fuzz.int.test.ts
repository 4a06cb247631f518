/**
 * Fuzzing the public GraphQL API through the real router (production mode: masked errors).
 * Broken documents, malformed HTTP bodies, and every root field with hostile variables as every
 * role: each answer is a documented HTTP status with a JSON body whose errors carry a known code
 * and leak nothing; a rejected mutation leaves the database untouched; search wildcards match
 * literally; and the whole system still answers afterwards.
 *
 * FUZZ_SEED replays a run, FUZZ_RUNS scales it (see env.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, type RoleName } from '@hospital/service-kit';
import { checkHealth } from '@hospital/service-kit/grpc';
import { parse } from 'graphql';
import { buildAuthRules, schemaFromSdl } from '@hospital/router';
import { collectTouchedFields, decideAccess } from '@hospital/router';
import type { TestSystem } from '@hospital/test-support/system';
import { startFuzzSystem, type FuzzSystem } from './fuzz-system.ts';
import { openDbFingerprinter, type DbFingerprinter } from './db-snapshot.ts';
import { FUZZ_RUNS, FUZZ_SEED, fuzzParams } from './env.ts';
import { seedRecords, type SeededIds } from './fuzz-seed.ts';
import { brokenDocument, rootFieldOperations, type FieldOperation } from './graphql-operations.ts';
import { anyJson, hostileString } from './hostile-values.ts';
import { graphqlAnswerProblems } from './response-checks.ts';
import { bearerHeader } from '@hospital/test-support/bearer';

const SUPERGRAPH = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../router/supergraph.graphql'), 'utf8');
const ROLES: RoleName[] = ['admin', 'doctor', 'pharmacist', 'finance', 'ward_staff'];
/** Per-test time limit, grown with FUZZ_RUNS. */
const TIMEOUT_MS = 30_000 + FUZZ_RUNS * 150;

let fuzz: FuzzSystem;
let sys: TestSystem;
let fingerprints: DbFingerprinter;
let seeded: SeededIds;
const tokens = new Map<string, string | undefined>();
/** Error-level log lines of the whole system (masked failures show up here first). */
const errorLogs: string[] = [];

/** Who sends a request: a role, nobody, or someone with a broken token. */
const caller = fc.constantFrom<string>(...ROLES, 'anonymous', 'garbage-token', 'empty-bearer');

function authorization(who: string): Record<string, string> {
  if (who === 'garbage-token') return { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' };
  if (who === 'empty-bearer') return { authorization: 'Bearer ' };
  return bearerHeader(tokens.get(who));
}

async function post(body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const response = await fetch(sys.routerUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(20_000) });
  return { status: response.status, text: await response.text() };
}

/** Fails with the problems, the request and the error logs it caused. */
function expectAcceptable(answer: { status: number; text: string }, request: unknown, logsBefore: number): void {
  const problems = graphqlAnswerProblems(answer.status, answer.text);
  const logs = errorLogs.slice(logsBefore);
  if (problems.length > 0) {
    const shown = JSON.stringify(request, (_k, v: unknown) => (typeof v === 'string' && v.length > 300 ? `${v.slice(0, 300)}…(${v.length})` : v));
    throw new Error(`${problems.join('\n')}\nrequest: ${shown}\nanswer: ${answer.text.slice(0, 500)}\nerror logs: ${logs.join('\n').slice(0, 2_000)}`);
  }
}

beforeAll(async () => {
  fuzz = await startFuzzSystem(errorLogs, {
    // Thousands of requests from a handful of accounts: the per-user limit would answer most of them.
    abuseLimits: { rateLimits: { perUser: 1_000_000, perIp: 1_000_000 } },
  });
  sys = fuzz.sys;
  for (const role of ROLES) tokens.set(role, await sys.tokenFor(role));
  seeded = await seedRecords(sys);
  fingerprints = await openDbFingerprinter(fuzz.database.url);
  console.info(`graphql fuzz: FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${FUZZ_RUNS}`);
}, 120_000);

afterAll(async () => {
  await fingerprints?.close();
  await fuzz?.close();
});

describe('GraphQL fuzz through the router', () => {
  /** Patients and drugs are both searched by name prefix with the input's wildcards taken literally. */
  const searches = [
    {
      what: 'patients',
      role: 'doctor',
      create: (name: string, i: number) => ({
        query: 'mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { id } }',
        variables: { i: { givenName: `Lit${i}`, familyName: name, dateOfBirth: '1970-01-01' } },
      }),
      search: 'query($s: String) { results: patients(search: $s, first: 50) { totalCount edges { node { name: familyName } } } }',
    },
    {
      what: 'drugs',
      role: 'pharmacist',
      create: (name: string, i: number) => ({
        query: 'mutation($i: CreateDrugInput!) { createDrug(input: $i) { id } }',
        variables: { i: { code: `LIT${seeded.mrn.replace(/\D/g, '')}-${i}`, name, form: 'TABLET', strength: '1 mg' } },
      }),
      search: 'query($s: String) { results: drugs(search: $s, first: 50) { totalCount edges { node { name } } } }',
    },
  ] as const;

  it.each(searches)(
    'matches $what search wildcards and quotes literally (name prefix, case-insensitive)',
    async ({ role, create, search }) => {
      const token = tokens.get(role)!;
      // Names that differ only where a wildcard or quote could stand in for something else.
      const tag = `Qz${Array.from(seeded.mrn.replace(/\D/g, '').slice(-6), (d) => String.fromCharCode(97 + Number(d))).join('')}w`;
      const names = ['a%b', 'a_b', 'a\\b', 'axb', "a'b", 'ab', 'A%B'].map((rest) => `${tag}${rest}`);
      for (const [i, name] of names.entries()) {
        const { query, variables } = create(name, i);
        const result = await sys.gql(query, variables, token);
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      }
      type Page = { results: { totalCount: number; edges: Array<{ node: { name: string } }> } };
      const everything = await sys.gql<Page>(search, { s: '' }, token);
      expect(everything.data!.results.totalCount).toBeGreaterThanOrEqual(names.length + 1);
      // A lone wildcard is a literal character no name here starts with, not "everything".
      for (const s of ['%', '_', '%%', '\\', "'", "' OR '1'='1", '.*']) {
        const result = await sys.gql<Page>(search, { s }, token);
        expect(result.errors, s).toBeUndefined();
        expect(result.data!.results.totalCount, s).toBe(0);
      }
      const suffix = fc.string({ unit: fc.constantFrom('a', 'b', 'x', 'A', '%', '_', '\\', "'"), maxLength: 4 });
      await fc.assert(
        fc.asyncProperty(suffix, async (rest) => {
          const s = tag + rest;
          const result = await sys.gql<Page>(search, { s }, token);
          expect(result.errors, s).toBeUndefined();
          const expected = names.filter((n) => n.toLowerCase().startsWith(s.toLowerCase())).sort();
          expect(result.data!.results.edges.map((e) => e.node.name).sort(), s).toEqual(expected);
          expect(result.data!.results.totalCount, s).toBe(expected.length);
        }),
        fuzzParams(FUZZ_RUNS / 4),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'answers broken documents with typed errors',
    async () => {
      const valid = rootFieldOperations(schemaFromSdl(SUPERGRAPH)).map((op) => op.document);
      await fc.assert(
        fc.asyncProperty(brokenDocument(valid), caller, fc.option(fc.dictionary(fc.string({ maxLength: 8 }), anyJson), { nil: undefined }), async (query, who, variables) => {
          const logsBefore = errorLogs.length;
          const request = { query, variables };
          expectAcceptable(await post(JSON.stringify(request), { 'content-type': 'application/json', ...authorization(who) }), request, logsBefore);
        }),
        fuzzParams(FUZZ_RUNS),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'answers malformed HTTP requests with typed errors',
    async () => {
      const body = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        anyJson.map((v) => JSON.stringify(v) ?? ''),
        fc.record({ query: anyJson, variables: anyJson, operationName: anyJson }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
        fc.constantFrom(
          '[{"query":"{ me { id } }"},{"query":"{ me { id } }"}]',
          '{"query":"{ me { id } }","variables":"x"}',
          '{"query":"{ me { id } }","operationName":"Nope"}',
          '{"query":"query A { me { id } } query B { me { id } }"}',
          '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}',
          '{"query":"subscription { appointmentEvents { type } }"}',
          '{"query":',
          '\u0000',
        ),
        hostileString.map((s) => JSON.stringify({ query: s })),
      );
      const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/graphql', 'multipart/form-data', '');
      await fc.assert(
        fc.asyncProperty(body, contentType, caller, async (text, type, who) => {
          const logsBefore = errorLogs.length;
          // eslint-disable-next-line house/conditional-spread -- an HTTP header: undefined would be sent, not left out
          const headers: Record<string, string> = { ...authorization(who), ...(type ? { 'content-type': type } : {}) };
          // Apollo's CSRF prevention wants a preflight-forcing header on simple requests.
          if (!type.startsWith('application/json')) headers['apollo-require-preflight'] = 'true';
          expectAcceptable(await post(text, headers), { body: text, type }, logsBefore);
        }),
        fuzzParams(FUZZ_RUNS / 2),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'answers GET requests with hostile parameters with typed errors',
    async () => {
      const valid = rootFieldOperations(schemaFromSdl(SUPERGRAPH)).map((op) => op.document);
      const param = fc.oneof(
        hostileString,
        anyJson.map((v) => JSON.stringify(v) ?? ''),
      );
      const params = fc.record(
        { query: fc.oneof(fc.constantFrom(...valid), brokenDocument(valid)), variables: param, operationName: param, extensions: param },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(params, caller, async (query, who) => {
          const logsBefore = errorLogs.length;
          const url = new URL(sys.routerUrl);
          for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
          // Mutations over GET must be refused, not run; the preflight header passes CSRF prevention.
          const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true', ...authorization(who) }, signal: AbortSignal.timeout(20_000) });
          // A URL past Node's 16 KB header limit is refused by Node's HTTP parser (431, no body)
          // before the router runs: the one answer here that is not the router's JSON.
          if (response.status === 431 && url.href.length > 16_000) return;
          expectAcceptable({ status: response.status, text: await response.text() }, { get: query }, logsBefore);
        }),
        fuzzParams(FUZZ_RUNS / 2),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'answers every root field with hostile variables, as every role, and rejected mutations change nothing',
    async () => {
      const operations = rootFieldOperations(schemaFromSdl(SUPERGRAPH), seeded.all);
      expect(operations.length).toBeGreaterThan(50);
      // Mostly as a role the field admits, so hostile variables get past edge authorization.
      const schema = schemaFromSdl(SUPERGRAPH);
      const rules = buildAuthRules(schema);
      const admitted = (op: FieldOperation) => {
        const touched = collectTouchedFields(schema, parse(op.document));
        const roles = (['anonymous', ...ROLES] as const).filter((role) => {
          const who: Caller = role === 'anonymous' ? { kind: 'anonymous' } : { kind: 'user', role, userId: sys.accounts[role].id, email: sys.accounts[role].email };
          return decideAccess(touched, rules, who, false).allowed;
        });
        return roles.length ? fc.constantFrom<string>(...roles) : caller;
      };
      const cases = fc
        .constantFrom(...operations)
        .chain((op: FieldOperation) => fc.tuple(fc.constant(op), op.variables, fc.oneof({ arbitrary: admitted(op), weight: 4 }, { arbitrary: caller, weight: 1 })));
      let rejectedWrites = 0;
      const outcomes = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(cases, async ([op, variables, who]) => {
          const logsBefore = errorLogs.length;
          const before = op.kind === 'mutation' ? await fingerprints.take() : undefined;
          const request = { query: op.document, variables };
          const answer = await post(JSON.stringify(request), { 'content-type': 'application/json', ...authorization(who) });
          expectAcceptable(answer, { coordinate: op.coordinate, who, variables }, logsBefore);
          const body = JSON.parse(answer.text) as { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string } }> };
          const outcome = body.errors?.[0]?.extensions?.code ?? 'OK';
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          if (!before) return;
          const rejected = (body.errors?.length ?? 0) > 0 && (body.data === null || body.data === undefined || Object.values(body.data).every((v) => v === null));
          if (!rejected) return;
          rejectedWrites += 1;
          const changed = fingerprints.diff(before, await fingerprints.take());
          if (changed.length > 0) throw new Error(`${op.coordinate} was rejected but changed ${changed.join(', ')}: ${answer.text.slice(0, 300)}`);
        }),
        fuzzParams(FUZZ_RUNS * 2),
      );
      console.info('graphql fuzz outcomes (first error code per request):', Object.fromEntries(outcomes));
      // The property is only meaningful when hostile mutations were actually turned away.
      expect(rejectedWrites).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );

  it('still answers afterwards: router, every subgraph and every gRPC service', async () => {
    const health = await fetch(new URL('/health', sys.routerUrl));
    expect(health.status).toBe(200);
    const ready = await fetch(new URL('/ready', sys.routerUrl));
    expect(ready.status).toBe(200);
    for (const [name, target] of Object.entries(sys.grpcTargets)) expect(await checkHealth(target), name).toBe('SERVING');
    const me = await sys.gql<{ me: { id: string } }>('{ me { id } }', {}, tokens.get('admin'));
    expect(me.data?.me.id).toBe(sys.accounts.admin.id);
    // Nothing was masked along the way: every hostile input met a typed error, not a server fault.
    expect(errorLogs.filter((l) => /unexpected error|unhandled/.test(l)).map((l) => l.slice(0, 600))).toEqual([]);
  });
});
