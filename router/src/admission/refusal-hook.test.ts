import { describe, expect, it } from 'vitest';
import { createLogger } from '@hospital/service-kit';
import type { EdgeRefusal } from '../refusal-audit.ts';
import { refuse, signInFirst } from './refusal.ts';
import { ANONYMOUS_REPORTS_PER_MINUTE, createRefusalHook } from './refusal-hook.ts';
import { overloaded } from './steps/load-shed.ts';
import type { AdmissionState } from './types.ts';

function recorder() {
  const reports: EdgeRefusal[] = [];
  return { reports, reporter: { report: async (refusal: EdgeRefusal) => void reports.push(refusal), close: () => {} } };
}

const anonymousFrom = (address: string, requestId: string): AdmissionState => ({
  facts: { transport: 'http', clientAddress: address, requestId },
  caller: { kind: 'anonymous' },
  persisted: false,
});

describe('refusal hook', () => {
  it('reports anonymous refusals of one address in proportion, other addresses apart', async () => {
    const { reports, reporter } = recorder();
    const hook = createRefusalHook(reporter, createLogger('hook-test', 'silent'));
    for (let i = 0; i < ANONYMOUS_REPORTS_PER_MINUTE + 5; i += 1) await hook(anonymousFrom('192.0.2.7', `r${i}`), signInFirst('identity', 'Invalid token.'));
    await hook(anonymousFrom('192.0.2.8', 'other'), signInFirst('identity', 'Invalid token.'));
    await new Promise((resolve) => setImmediate(resolve));
    // As many as the identity service stores, and one more for its overflow row (REFUSALS_OVER_CAP).
    expect(reports.filter((r) => r.ip === '192.0.2.7')).toHaveLength(ANONYMOUS_REPORTS_PER_MINUTE + 1);
    expect(reports.filter((r) => r.ip === '192.0.2.8').map((r) => [r.reason, r.userId, r.requestId])).toEqual([['UNAUTHENTICATED', undefined, 'other']]);
  });

  it("reports every refusal of a registered app, awaited, never capped as an address's anonymous ones", async () => {
    const { reports, reporter } = recorder();
    const hook = createRefusalHook(reporter, createLogger('hook-test', 'silent'));
    const app: AdmissionState = { ...anonymousFrom('192.0.2.12', 'x'), caller: { kind: 'app', clientId: 'c-1', name: 'Board', scopes: [] } };
    const forbidden = refuse('access', 'FORBIDDEN', 'Not within the scopes.');
    for (let i = 0; i < ANONYMOUS_REPORTS_PER_MINUTE + 5; i += 1) await hook({ ...app, facts: { ...app.facts, requestId: `app${i}` } }, forbidden);
    expect(reports).toHaveLength(ANONYMOUS_REPORTS_PER_MINUTE + 5);
    expect(reports[0]).toMatchObject({ reason: 'FORBIDDEN', app: { clientId: 'c-1', name: 'Board' } });
  });

  it('keeps a flooding address counted while many other addresses pass (old entries evicted, not all cleared)', async () => {
    const { reports, reporter } = recorder();
    const hook = createRefusalHook(reporter, createLogger('hook-test', 'silent'));
    const refusal = signInFirst('identity', 'Invalid token.');
    for (let i = 0; i <= ANONYMOUS_REPORTS_PER_MINUTE; i += 1) await hook(anonymousFrom('192.0.2.70', `a${i}`), refusal);
    // 12,000 other addresses, once each, while 192.0.2.70 keeps flooding.
    for (let i = 0; i < 12_000; i += 1) {
      await hook(anonymousFrom(`10.${i >> 8}.${i & 255}.1`, `o${i}`), refusal);
      if (i % 100 === 0) await hook(anonymousFrom('192.0.2.70', `b${i}`), refusal);
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(reports.filter((r) => r.ip === '192.0.2.70')).toHaveLength(ANONYMOUS_REPORTS_PER_MINUTE + 1);
  });

  it('reports a rate-limited subject once per window', async () => {
    const { reports, reporter } = recorder();
    const hook = createRefusalHook(reporter, createLogger('hook-test', 'silent'));
    const limited = refuse('address-rate-limit', 'RATE_LIMITED', 'Too many requests.', { retryAfterSeconds: 30 });
    for (let i = 0; i < 5; i += 1) await hook(anonymousFrom('192.0.2.9', `flood${i}`), limited);
    await new Promise((resolve) => setImmediate(resolve));
    expect(reports.map((r) => r.requestId)).toEqual(['flood0']);
  });

  it('reports a signed-in user shed under overload once per window, not once per shed request', async () => {
    const { reports, reporter } = recorder();
    const hook = createRefusalHook(reporter, createLogger('hook-test', 'silent'));
    const user: AdmissionState = { ...anonymousFrom('192.0.2.11', 'x'), caller: { kind: 'user', userId: 'u2', role: 'doctor', email: 'd@test.local' } };
    for (let i = 0; i < 5; i += 1) await hook({ ...user, facts: { ...user.facts, requestId: `shed${i}` } }, overloaded(1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(reports.map((r) => [r.requestId, r.reason])).toEqual([['shed0', 'SERVICE_UNAVAILABLE']]);
  });

  it("waits for a signed-in user's role refusal to be recorded, naming the fields", async () => {
    let recorded = false;
    const hook = createRefusalHook({ report: async () => void (recorded = true), close: () => {} }, createLogger('hook-test', 'silent'));
    const state: AdmissionState = { ...anonymousFrom('192.0.2.10', 'f1'), caller: { kind: 'user', userId: 'u1', role: 'finance', email: 'f@test.local' } };
    await hook(state, refuse('access', 'FORBIDDEN', 'Your role may not use Patient.allergies.', { fields: ['Patient.allergies'] }));
    expect(recorded).toBe(true);
  });
});
