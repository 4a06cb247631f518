/**
 * The caller steps, run before the body is even read on HTTP: the client address's budget, the
 * access token (and the revocation warm-up), and the signed-in user's budget.
 */
import { InvalidTokenError } from '../../jwt.ts';
import { clientAddressKey, type Caller } from '@hospital/service-kit';
import { rateLimited, signInFirst, startingUp } from '../refusal.ts';
import type { AdmissionStep } from '../types.ts';

/** Spends the client address's budget. */
export const addressRateLimit: AdmissionStep = {
  name: 'address-rate-limit',
  async run(state, deps) {
    const verdict = await deps.rateLimiter.take('ip', clientAddressKey(state.facts.clientAddress));
    return verdict.allowed ? undefined : rateLimited('address-rate-limit', verdict);
  },
};

/** Verifies the access token; a bad one is refused, never taken for anonymous. */
export const identity: AdmissionStep = {
  name: 'identity',
  run(state, deps) {
    try {
      state.caller = deps.verifyAccessToken(state.facts.authorization);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      deps.logger.info({ requestId: state.facts.requestId, reason: error.reason }, 'access token refused');
      return signInFirst('identity', error.message);
    }
    // Until the first revocation list has arrived a revoked token looks like a good one:
    // signed-in users wait (503) rather than slip in; signing in still works.
    if ((state.caller.kind === 'user' || state.caller.kind === 'app') && !deps.revocationsLoaded()) return startingUp();
    return undefined;
  },
};

/**
 * Whose budgets a request or connection spends (operations, connection attempts, open
 * connections): an app has its own per client id, spent by its own requests and by those it makes
 * for a clinician (authorization code), which never spend the clinician's; a user alone spends
 * hers; anyone else none. `kind` says which limits apply.
 * @param caller - the verified caller
 */
export function budgetOf(caller: Caller): { key: string; kind: 'app' | 'user' } | undefined {
  if (caller.kind === 'app') return { key: `app:${caller.clientId}`, kind: 'app' };
  if (caller.kind === 'user') return caller.app ? { key: `app:${caller.app.clientId}`, kind: 'app' } : { key: caller.userId, kind: 'user' };
  return undefined;
}

/** Spends a signed-in user's (or an app's) budget. */
export const userRateLimit: AdmissionStep = {
  name: 'user-rate-limit',
  async run(state, deps) {
    const budget = budgetOf(state.caller);
    if (budget === undefined) return undefined;
    // An app's operation budget is as large as a user's.
    const verdict = await deps.rateLimiter.take('user', budget.key);
    return verdict.allowed ? undefined : rateLimited('user-rate-limit', verdict);
  },
};
