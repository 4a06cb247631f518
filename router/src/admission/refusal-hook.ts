/**
 * The pipeline's one refusal hook: each refused request is reported to the audit trail once.
 * A signed-in user refused by role waits for the row before the answer (a refusal naming patients
 * is never lost to a crash). Every other refusal (anonymous, bad token, limits, safelist, rate
 * limits) is recorded without holding the answer, with a cap on reports in flight, so a flood of
 * cheap requests can neither slow the router down nor queue unbounded work; a rate-limited
 * subject is reported once per window, not once per refused request.
 */
import type { Logger } from '@hospital/service-kit';
import { edgeRefusalOf, type RefusalReporter } from '../refusal-audit.ts';
import type { AdmissionRefusal } from './refusal.ts';
import type { AdmissionState } from './types.ts';

/** Reports in flight past which further background reports are dropped (and counted in the log). */
const MAX_IN_FLIGHT = 64;
/** Rate-limited subjects remembered; past this the memory starts over (a few duplicate reports). */
const MAX_REMEMBERED = 10_000;

/**
 * Builds the hook.
 * @param reporter - where refusals are recorded
 * @param logger - dropped reports are logged (at most every 10 s)
 */
export function createRefusalHook(reporter: RefusalReporter, logger: Logger): (state: AdmissionState, refusal: AdmissionRefusal) => Promise<void> {
  let inFlight = 0;
  let dropped = 0;
  let lastDropLogAt = 0;
  const rateLimitedUntil = new Map<string, number>();
  return async (state, refusal) => {
    const { facts } = state;
    if (refusal.code === 'RATE_LIMITED') {
      const key = `${refusal.step}:${state.caller.kind === 'user' ? state.caller.userId : facts.clientAddress}`;
      const now = Date.now();
      if ((rateLimitedUntil.get(key) ?? 0) > now) return;
      if (rateLimitedUntil.size >= MAX_REMEMBERED) rateLimitedUntil.clear();
      rateLimitedUntil.set(key, now + (refusal.retryAfterSeconds ?? 1) * 1000);
    }
    const report = edgeRefusalOf({
      caller: state.caller,
      ...(state.document ? { document: state.document } : {}),
      ...(state.operation ? { operation: state.operation } : {}),
      variables: facts.variables,
      ...(refusal.fields ? { fields: refusal.fields } : {}),
      reason: refusal.code,
      origin: { ip: facts.clientAddress, ...(facts.userAgent ? { userAgent: facts.userAgent } : {}) },
      requestId: facts.requestId,
    });
    if (refusal.code === 'FORBIDDEN' && state.caller.kind === 'user') return reporter.report(report);
    if (inFlight >= MAX_IN_FLIGHT) {
      dropped += 1;
      if (Date.now() - lastDropLogAt >= 10_000) {
        lastDropLogAt = Date.now();
        logger.warn({ dropped }, 'edge refusals not recorded: too many reports in flight');
      }
      return;
    }
    inFlight += 1;
    void reporter.report(report).finally(() => {
      inFlight -= 1;
    });
  };
}
