/**
 * The caller steps, run before the body is even read on HTTP: the client address's budget, the
 * access token (and the revocation warm-up), and the signed-in user's budget.
 */
import { InvalidTokenError } from '../../jwt.ts';
import { clientAddressKey } from '@hospital/service-kit';
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

/** Spends a signed-in user's budget. */
export const userRateLimit: AdmissionStep = {
  name: 'user-rate-limit',
  async run(state, deps) {
    // An app has a budget of its own per client id, as large as a user's.
    if (state.caller.kind === 'app') {
      const verdict = await deps.rateLimiter.take('user', `app:${state.caller.clientId}`);
      return verdict.allowed ? undefined : rateLimited('user-rate-limit', verdict);
    }
    if (state.caller.kind !== 'user') return undefined;
    const verdict = await deps.rateLimiter.take('user', state.caller.userId);
    return verdict.allowed ? undefined : rateLimited('user-rate-limit', verdict);
  },
};
