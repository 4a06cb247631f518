import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, verifyForwardedIdentity, type Caller } from '@hospital/service-kit';
import type { RouterContext } from './context.ts';
import { createSubgraphFetcher } from './fetcher.ts';
import { createGateway, RequestIdentitySigner, warmQueryPlans } from './gateway.ts';
import { SUPERGRAPH_FILE } from './subgraph-sources.ts';

const SECRET = 'gateway-test-internal-secret-long-enough';
const DOCTOR: Caller = { kind: 'user', userId: 'u-1', role: 'doctor', email: 'd@h.local' };

const contextOf = (caller: Caller, operationName = 'Dashboard'): Partial<RouterContext> => ({
  caller,
  requestId: 'r1',
  scope: { requestId: 'r1', operationName },
  origin: { ip: '203.0.113.9', userAgent: 'UA' },
});

afterEach(() => {
  vi.useRealTimers();
});

describe('RequestIdentitySigner', () => {
  it('signs once per request, and once per distinct claims across requests', () => {
    const signer = new RequestIdentitySigner(SECRET);
    const context = contextOf(DOCTOR);
    const tokens = [signer.tokenFor(context), signer.tokenFor(context), signer.tokenFor(context)];
    expect(new Set(tokens).size).toBe(1);
    expect(signer.signatures).toBe(1);
    expect(verifyForwardedIdentity(tokens[0], SECRET)).toEqual({ caller: DOCTOR, origin: { ip: '203.0.113.9', userAgent: 'UA', operation: 'Dashboard' } });
    // Another request with the same claims (caller, address, User-Agent, operation) reuses it ...
    expect(signer.tokenFor(contextOf(DOCTOR))).toBe(tokens[0]);
    expect(signer.signatures).toBe(1);
    // ... and one whose claims differ in anything gets its own.
    const elsewhere = { ...contextOf(DOCTOR), origin: { ip: '198.51.100.7', userAgent: 'UA' } };
    expect(verifyForwardedIdentity(signer.tokenFor(elsewhere), SECRET)?.origin.ip).toBe('198.51.100.7');
    expect(verifyForwardedIdentity(signer.tokenFor(contextOf({ ...DOCTOR, role: 'admin' })), SECRET)?.caller).toMatchObject({ role: 'admin' });
    expect(signer.signatures).toBe(3);
  });

  it('signs again when the caller or the operation on the context changes', () => {
    const signer = new RequestIdentitySigner(SECRET);
    const context = contextOf({ kind: 'anonymous' });
    expect(verifyForwardedIdentity(signer.tokenFor(context), SECRET)?.caller).toEqual({ kind: 'anonymous' });
    context.caller = DOCTOR;
    expect(verifyForwardedIdentity(signer.tokenFor(context), SECRET)?.caller).toEqual(DOCTOR);
    context.scope!.operationName = 'Chart';
    expect(verifyForwardedIdentity(signer.tokenFor(context), SECRET)?.origin.operation).toBe('Chart');
    expect(signer.signatures).toBe(3);
  });

  it('never forwards a token past its lifetime from a long-lived context (a subscription)', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-06T12:00:00Z'));
    const signer = new RequestIdentitySigner(SECRET);
    const context = contextOf(DOCTOR);
    const first = signer.tokenFor(context);
    vi.setSystemTime(new Date('2026-12-06T12:00:59Z'));
    expect(signer.tokenFor(context)).toBe(first);
    vi.setSystemTime(new Date('2026-12-06T12:01:01Z'));
    const second = signer.tokenFor(context);
    expect(second).not.toBe(first);
    vi.setSystemTime(new Date('2026-12-06T12:02:30Z'));
    // The first token is dead by now; the one forwarded meanwhile still verifies.
    expect(verifyForwardedIdentity(first, SECRET)).toBeUndefined();
    expect(verifyForwardedIdentity(second, SECRET)?.caller).toEqual(DOCTOR);
  });
});

describe('warmQueryPlans', () => {
  it("plans safelisted queries and mutations into the gateway's cache under the keys its executor reads", async () => {
    const fetcher = createSubgraphFetcher();
    const { gateway } = createGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
      subgraphUrls: {},
      signer: new RequestIdentitySigner(SECRET),
      fetcher: fetcher.fetch,
      logger: createLogger('gateway-test', 'silent'),
    });
    await gateway.load();
    try {
      const chart = 'query Chart($id: ID!) { patient(id: $id) { id fullName } }';
      const documents = [chart, 'subscription Live { appointmentEvents { id } }', 'not graphql', '{ nope }'];
      expect(await warmQueryPlans(gateway, documents, createLogger('gateway-test', 'silent'))).toBe(1);
      const store = (gateway as unknown as { queryPlanStore: { get(key: string): Promise<unknown> } }).queryPlanStore;
      const queryHash = createHash('sha256').update(chart).digest('hex');
      expect(await store.get(createHash('sha256').update(queryHash).update('Chart').digest('hex'))).toMatchObject({ kind: 'QueryPlan' });
      expect(await store.get(queryHash)).toMatchObject({ kind: 'QueryPlan' });
    } finally {
      await gateway.stop();
      await fetcher.close();
    }
  });
});
