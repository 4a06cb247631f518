/**
 * Operation budgets: an app acting for a clinician spends the app's budget (per client id), never
 * the clinician's, so an app cannot throttle her own use of the hospital's web app.
 */
import { describe, expect, it } from 'vitest';
import { createLogger, type Caller } from '@hospital/service-kit';
import { MemoryRateLimitStore } from '../../rate-limit/rate-limit-store.ts';
import { RateLimiter } from '../../rate-limit/rate-limiter.ts';
import type { AdmissionDeps, AdmissionState } from '../types.ts';
import { userRateLimit } from './caller.ts';

const doctor: Caller = { kind: 'user', userId: 'u-budget', role: 'doctor', email: 'doctor@test.local' };
const throughApp: Caller = { ...doctor, app: { clientId: 'c-budget', name: 'Bedside', scopes: ['user/Patient.rs'] } };
const app: Caller = { kind: 'app', clientId: 'c-budget', name: 'Bedside', scopes: ['system/Patient.rs'] };

describe('the operation budget of an app acting for a clinician', () => {
  it("is the app's, shared with the app acting as itself; the clinician's own stays whole", async () => {
    const logger = createLogger('budget-test', 'silent');
    const deps = { rateLimiter: new RateLimiter({ perUser: 2, perIp: 0, wsConnects: 0, windowSeconds: 60 }, new MemoryRateLimitStore(), logger) } as unknown as AdmissionDeps;
    const spend = (caller: Caller) => userRateLimit.run({ caller, facts: { requestId: 'r1' } } as unknown as AdmissionState, deps);
    expect(await spend(throughApp)).toBeUndefined();
    expect(await spend(app)).toBeUndefined();
    expect(await spend(throughApp)).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await spend(doctor)).toBeUndefined();
    expect(await spend(doctor)).toBeUndefined();
    expect(await spend(doctor)).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
