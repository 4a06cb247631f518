import { describe, expect, it } from 'vitest';
import { createLogger, type Caller } from '@hospital/service-kit';
import { buildAuthRules, schemaFromSdl } from '../auth-policy.ts';
import { InvalidTokenError } from '../jwt.ts';
import { DEFAULT_OPERATION_LIMITS } from '../operation-limits.ts';
import { MemoryRateLimitStore } from '../rate-limit/rate-limit-store.ts';
import { RateLimiter } from '../rate-limit/rate-limiter.ts';
import { ValidDocumentCache } from './document-cache.ts';
import { createAdmission } from './pipeline.ts';
import { CLIENT_ERROR_CODES } from '../format-error.ts';
import { REFUSAL_HTTP_STATUS, type AdmissionRefusal } from './refusal.ts';
import type { AdmissionDeps, AdmissionState, RequestFacts } from './types.ts';

const schema = schemaFromSdl(`
  directive @auth(requires: [Role!]!) repeatable on OBJECT | FIELD_DEFINITION
  directive @public on FIELD_DEFINITION
  enum Role { ADMIN DOCTOR PHARMACIST FINANCE WARD_STAFF }
  type User { id: ID! email: String! role: String! }
  type Patient @auth(requires: [ADMIN, DOCTOR]) { id: ID! allergies: [String!]! @auth(requires: [DOCTOR]) }
  type AuthPayload { accessToken: String! }
  type Query {
    me: User! @auth(requires: [ADMIN, DOCTOR, PHARMACIST, FINANCE, WARD_STAFF])
    patient(id: ID!): Patient @auth(requires: [ADMIN, DOCTOR])
  }
  type Mutation { login(email: String!, password: String!): AuthPayload! @public }
  type Subscription { ping: String @auth(requires: [DOCTOR]) }
`);

const DOCTOR: Caller = { kind: 'user', userId: 'u-doctor', role: 'doctor', email: 'doctor@test.local' };
const ADMIN: Caller = { kind: 'user', userId: 'u-admin', role: 'admin', email: 'admin@test.local' };

function pipeline(overrides: Partial<AdmissionDeps> = {}) {
  const refusals: Array<{ state: AdmissionState; refusal: AdmissionRefusal }> = [];
  const logger = createLogger('admission-test', 'silent');
  const admission = createAdmission({
    schema: () => schema,
    rules: buildAuthRules(schema),
    introspection: false,
    verifyAccessToken: (authorization) => {
      if (authorization === undefined) return { kind: 'anonymous' };
      if (authorization === 'Bearer doctor') return DOCTOR;
      if (authorization === 'Bearer admin') return ADMIN;
      throw new InvalidTokenError('test: unknown token');
    },
    revocationsLoaded: () => true,
    rateLimiter: new RateLimiter({ perUser: 0, perIp: 0, wsConnects: 0, windowSeconds: 60 }, new MemoryRateLimitStore(), logger),
    persisted: { mode: 'off', manifest: new Map() },
    limits: DEFAULT_OPERATION_LIMITS,
    maxOperationCost: 5_000,
    maxTokens: 5_000,
    anonymous: { maxDocumentChars: 4_096, maxTokens: 600 },
    validDocuments: new ValidDocumentCache(),
    onRefusal: async (state, refusal) => void refusals.push({ state, refusal }),
    logger,
    ...overrides,
  });
  return { admission, refusals };
}

const facts = (query: string, extra: Partial<RequestFacts> = {}): RequestFacts => ({ transport: 'http', clientAddress: '192.0.2.1', query, requestId: 'r1', ...extra });
const refusalOf = (admission: Awaited<ReturnType<ReturnType<typeof pipeline>['admission']['admit']>>) => ('refused' in admission ? admission.refused : undefined);

describe('admission pipeline', () => {
  it('admits a signed-in operation with its caller, operation and origin', async () => {
    const result = await pipeline().admission.admit(facts('query Me { me { id } }', { authorization: 'Bearer doctor', userAgent: 'UA' }));
    expect('admitted' in result && result.admitted).toMatchObject({
      caller: DOCTOR,
      operationName: 'Me',
      requestId: 'r1',
      origin: { ip: '192.0.2.1', userAgent: 'UA', operation: 'Me' },
    });
  });

  it('lets anonymous callers run public operations only', async () => {
    const { admission } = pipeline();
    expect('admitted' in (await admission.admit(facts('mutation { login(email: "a", password: "b") { accessToken } }')))).toBe(true);
    expect(refusalOf(await admission.admit(facts('{ me { id } }')))).toMatchObject({ step: 'anonymous-gate', code: 'UNAUTHENTICATED', fields: ['Query.me'] });
    // A public root with an unknown field goes on to validation, on a document known to be small.
    expect(refusalOf(await admission.admit(facts('mutation { login(email: "a", password: "b") { nope } }')))).toMatchObject({ step: 'validate' });
  });

  it('lets an anonymous operation select exactly one root field, without an alias, counting through fragments', async () => {
    const { admission } = pipeline();
    const login = (i: number) => `login(email: "a${i}", password: "b") { accessToken }`;
    const oneField = /exactly one root field/;
    const gateRefusal = async (query: string) => {
      const refused = refusalOf(await admission.admit(facts(query)));
      expect(refused).toMatchObject({ step: 'anonymous-gate', code: 'UNAUTHENTICATED' });
      expect(refused?.errors[0]?.message).toMatch(oneField);
    };
    await gateRefusal(`mutation { ${Array.from({ length: 12 }, (_, i) => `a${i}: ${login(i)}`).join(' ')} }`);
    await gateRefusal(`mutation { a0: ${login(0)} }`);
    await gateRefusal(`mutation { ${login(0)} ...More } fragment More on Mutation { again: ${login(1)} }`);
    await gateRefusal(`mutation { ... on Mutation { ${login(0)} } ... on Mutation { x: ${login(1)} } }`);
    expect('admitted' in (await admission.admit(facts(`mutation { ...One } fragment One on Mutation { ${login(0)} __typename }`)))).toBe(true);
  });

  it('refuses heavy anonymous documents at the gate, before parsing or validating them', async () => {
    const { admission } = pipeline();
    const heavy = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id email role }`).join(' ')} }`;
    expect(refusalOf(await admission.admit(facts(heavy(300))))).toMatchObject({ step: 'anonymous-gate', code: 'UNAUTHENTICATED' });
    // Under the size bound but over the token cap.
    expect(heavy(100).length).toBeLessThan(4_096);
    expect(refusalOf(await admission.admit(facts(heavy(100))))).toMatchObject({ step: 'anonymous-gate', code: 'UNAUTHENTICATED' });
    expect(admission.stepRuns['parse'] ?? 0).toBe(0);
    expect(admission.stepRuns['validate'] ?? 0).toBe(0);
  });

  it('decides identity before reading the document: a bad token is 401 whatever it sends', async () => {
    const { admission } = pipeline();
    expect(refusalOf(await admission.admit(facts('{ this is not graphql', { authorization: 'Bearer stolen' })))).toMatchObject({ step: 'identity', code: 'UNAUTHENTICATED' });
    expect(admission.stepRuns['safelist'] ?? 0).toBe(0);
  });

  it('answers signed-in users 503 with a retry time until revocations are known', async () => {
    const refused = refusalOf(await pipeline({ revocationsLoaded: () => false }).admission.admit(facts('{ me { id } }', { authorization: 'Bearer doctor' })));
    expect(refused).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
  });

  it('refuses by role, naming the fields, and reports every refusal once', async () => {
    const { admission, refusals } = pipeline();
    const refused = refusalOf(await admission.admit(facts('{ patient(id: "p") { allergies } }', { authorization: 'Bearer admin' })));
    expect(refused).toMatchObject({ step: 'access', code: 'FORBIDDEN', fields: ['Patient.allergies'] });
    await admission.admit(facts('{ me { id } }'));
    expect(refusals.map((r) => [r.refusal.code, r.state.caller.kind])).toEqual([
      ['FORBIDDEN', 'user'],
      ['UNAUTHENTICATED', 'anonymous'],
    ]);
  });

  it('keeps each transport to its own operation types', async () => {
    const { admission } = pipeline();
    expect(refusalOf(await admission.admit(facts('subscription { ping }', { authorization: 'Bearer doctor' })))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(refusalOf(await admission.admit(facts('{ me { id } }', { authorization: 'Bearer doctor', transport: 'ws' })))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect('admitted' in (await admission.admit(facts('subscription { ping }', { authorization: 'Bearer doctor', transport: 'ws' })))).toBe(true);
  });

  it('coerces variables and strips schema hints in production', async () => {
    const refused = refusalOf(await pipeline().admission.admit(facts('query($id: ID!) { patient(id: $id) { id } }', { authorization: 'Bearer doctor', variables: {} })));
    expect(refused).toMatchObject({ step: 'variables', code: 'BAD_USER_INPUT' });
    const hinted = refusalOf(await pipeline().admission.admit(facts('{ me { emial } }', { authorization: 'Bearer doctor' })));
    expect(hinted?.errors[0]?.message).toBe('Cannot query field "emial" on type "User".');
  });

  it('validates a document once, then takes it from the cache', async () => {
    const cache = new ValidDocumentCache();
    const { admission } = pipeline({ validDocuments: cache });
    await admission.admit(facts('{ me { id } }', { authorization: 'Bearer doctor' }));
    expect(cache.get('{ me { id } }')).toBeDefined();
    const invalid = '{ me { nope } }';
    await admission.admit(facts(invalid, { authorization: 'Bearer doctor' }));
    expect(cache.get(invalid)).toBeUndefined();
  });

  it('decides access once per (document, operation, role) and still coerces variables on every request', async () => {
    const cache = new ValidDocumentCache();
    const { admission } = pipeline({ validDocuments: cache });
    const chart = 'query Chart($id: ID!) { patient(id: $id) { id allergies } }';
    const asDoctor = (variables: Record<string, unknown>) => admission.admit(facts(chart, { authorization: 'Bearer doctor', variables }));
    expect('admitted' in (await asDoctor({ id: 'p1' }))).toBe(true);
    expect('admitted' in (await asDoctor({ id: 'p2' }))).toBe(true);
    expect(cache.decisionsComputed).toBe(1);
    // A kept decision never lets a request skip its own variables.
    expect(refusalOf(await asDoctor({}))).toMatchObject({ step: 'variables', code: 'BAD_USER_INPUT' });
    // Another role gets its own decision, refused as often as it asks (allergies: doctors only).
    for (let i = 0; i < 2; i++) {
      expect(refusalOf(await admission.admit(facts(chart, { authorization: 'Bearer admin', variables: { id: 'p1' } })))).toMatchObject({
        step: 'access',
        code: 'FORBIDDEN',
        fields: ['Patient.allergies'],
      });
    }
    // And the anonymous caller never reaches the kept document (the gate parses its own).
    expect(refusalOf(await admission.admit(facts(chart, { variables: { id: 'p1' } })))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(cache.decisionsComputed).toBe(2);
  });
});

describe('refusal codes', () => {
  it('are all codes production formatting shows as they are (none is masked as an internal error)', () => {
    expect(Object.keys(REFUSAL_HTTP_STATUS).filter((code) => !CLIENT_ERROR_CODES.has(code))).toEqual([]);
  });
});
