/**
 * Third-party app tokens at the router (issue 16): read as `kind: 'app'` callers with their scopes,
 * never a role; revoked with the app; decided per scope set, never sharing a cached decision with
 * a user or an anonymous caller; forwarded to subgraphs as the app.
 */
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { signIdentity, verifyIdentity, type Caller } from '@hospital/service-kit';
import { createLogger } from '@hospital/service-kit';
import { cachedSessionVerifier } from './access-token-cache.ts';
import { es256KeyPair } from '../test/support/test-jwt.ts';
import { userRateLimit } from './admission/steps/caller.ts';
import { safelist } from './admission/steps/safelist.ts';
import type { AdmissionDeps, AdmissionState } from './admission/types.ts';
import { MemoryRateLimitStore } from './rate-limit/rate-limit-store.ts';
import { RateLimiter } from './rate-limit/rate-limiter.ts';
import { ValidDocumentCache } from './admission/document-cache.ts';
import { createSessionVerifier, InvalidTokenError } from './jwt.ts';
import { TokenRevocationList } from './revocation/revocation-list.ts';

const pair = es256KeyPair();
const config = { keys: [{ keyId: 'k', publicKeyPem: pair.publicKey }], issuer: 'hospital-identity', audience: 'hospital-api' };
const clientId = randomUUID();
const sign = (claims: object) =>
  `Bearer ${jwt.sign({ sub: clientId, client_id: clientId, app_name: 'EHR', scope: 'system/Patient.rs', exp: Math.floor(Date.now() / 1000) + 300, ...claims }, pair.privateKey, { algorithm: 'ES256', keyid: 'k', issuer: config.issuer, audience: config.audience })}`;

describe('app access tokens', () => {
  const verify = createSessionVerifier(config);

  it('become an app caller with its scopes', () => {
    expect(verify(sign({})).caller).toEqual({ kind: 'app', clientId, name: 'EHR', scopes: ['system/Patient.rs'] });
  });

  it.each([
    ['a role', { role: 'admin', email: 'x@y' }],
    ['a client_id other than sub', { client_id: randomUUID() }],
    ['no scope', { scope: undefined }],
  ])('are refused with %s', (_name, claims) => {
    expect(() => verify(sign(claims))).toThrow(InvalidTokenError);
  });

  it('are refused once the app is revoked, cached or not', () => {
    const list = new TokenRevocationList();
    const cached = cachedSessionVerifier(createSessionVerifier(config), { isRevoked: (id, iat, sid) => list.isRevoked(id, iat, sid) });
    const token = sign({});
    expect(cached(token).caller.kind).toBe('app');
    list.apply([{ userId: clientId, validAfterMs: Date.now() + 365 * 86_400_000 }]);
    expect(() => cached(token)).toThrow(InvalidTokenError);
  });
});

describe('cached access decisions', () => {
  it('are never shared between an app, another scope set, and an anonymous caller', () => {
    const cache = new ValidDocumentCache();
    const operation = parse('{ patients { totalCount } }').definitions[0] as OperationDefinitionNode;
    const app = (scopes: string[]): Caller => ({ kind: 'app', clientId, name: 'EHR', scopes });
    const decisions: string[] = [];
    const decide = (label: string) => () => {
      decisions.push(label);
      return { allowed: true as const };
    };
    cache.accessDecision(operation, app(['system/Patient.rs']), decide('app'));
    cache.accessDecision(operation, { kind: 'anonymous' }, decide('anonymous'));
    cache.accessDecision(operation, app(['system/Appointment.rs']), decide('other scopes'));
    cache.accessDecision(operation, app(['system/Patient.rs']), decide('app again'));
    expect(decisions).toEqual(['app', 'anonymous', 'other scopes']);
  });
});

describe('forwarded identity', () => {
  it('carries the app, its name and scopes to subgraphs and services', () => {
    const caller: Caller = { kind: 'app', clientId, name: 'EHR', scopes: ['system/Patient.rs', 'system/Appointment.r'] };
    expect(verifyIdentity(signIdentity(caller, 'secret'), 'secret')).toEqual(caller);
  });
});

describe('rate limits', () => {
  it('give each app a budget of its own, by client id (RATE_LIMITED with Retry-After past it)', async () => {
    const rateLimiter = new RateLimiter({ perUser: 2, perIp: 100, wsConnects: 10, windowSeconds: 60 }, new MemoryRateLimitStore(), createLogger('test', 'silent'));
    const deps = { rateLimiter } as unknown as AdmissionDeps;
    const stateOf = (id: string) => ({ caller: { kind: 'app', clientId: id, name: 'EHR', scopes: [] } }) as unknown as AdmissionState;
    const [a, b] = [randomUUID(), randomUUID()];
    expect(await userRateLimit.run(stateOf(a), deps)).toBeUndefined();
    expect(await userRateLimit.run(stateOf(a), deps)).toBeUndefined();
    const refused = await userRateLimit.run(stateOf(a), deps);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await userRateLimit.run(stateOf(b), deps)).toBeUndefined();
  });
});

describe('the persisted-operation safelist', () => {
  it('binds the first-party web app in a browser, not a registered app at its own origin', () => {
    const deps = { persisted: { mode: 'enforce-browser', manifest: new Map() } } as unknown as AdmissionDeps;
    const stateOf = (caller: Caller) =>
      ({ caller, facts: { origin: 'https://ehr.example', method: 'POST', query: '{ patients { totalCount } }', extensions: undefined } }) as unknown as AdmissionState;
    const user: Caller = { kind: 'user', userId: randomUUID(), role: 'doctor', email: 'd@test.local' };
    expect(safelist.run(stateOf(user), deps)).toMatchObject({ step: 'safelist' });
    const app = stateOf({ kind: 'app', clientId, name: 'EHR', scopes: ['system/Patient.rs'] });
    expect(safelist.run(app, deps)).toBeUndefined();
    expect(app.query).toBe('{ patients { totalCount } }');
  });
});
