/**
 * The pipeline's one refusal hook: each refused request is reported to the audit trail once.
 * A signed-in user (or a registered app) refused by role or scope waits for the row before the answer (a refusal naming patients
 * is never lost to a crash). Every other refusal (anonymous, bad token, limits, safelist, rate
 * limits) is recorded without holding the answer, with a cap on reports in flight, so a flood of
 * cheap requests can neither slow the router down nor queue unbounded work. Floods are reported
 * in proportion: a rate-limited or shed (load-shed step) subject once per window, and anonymous refusals at most
 * {@link ANONYMOUS_REPORTS_PER_MINUTE} + 1 per client address a minute (the audit service keeps
 * that many rows and one REFUSALS_OVER_CAP row, so sending the rest would only load it); the rest
 * are counted in the log.
 */
import { ANONYMOUS_REFUSALS_PER_ADDRESS_PER_MINUTE, clientAddressKey, type Logger } from '@hospital/service-kit';
import { edgeRefusalOf, type RefusalReporter } from '../refusal-audit.ts';
import type { AdmissionRefusal } from './refusal.ts';
import { budgetOf } from './steps/caller.ts';
import type { AdmissionState } from './types.ts';

/** Reports in flight past which further background reports are dropped (and counted in the log). */
const MAX_IN_FLIGHT = 64;
/** Anonymous refusals reported per client address a minute (the identity service stores as many). */
export const ANONYMOUS_REPORTS_PER_MINUTE = ANONYMOUS_REFUSALS_PER_ADDRESS_PER_MINUTE;
/**
 * Subjects remembered by either memory; past this the least recently hit is forgotten (a subject
 * still flooding is hit often, so many passing addresses cannot reset its count).
 */
const MAX_REMEMBERED = 10_000;

/** Fixed one-window counts per key, bounded in size, least recently hit evicted first. */
class WindowCounts {
  // A Map iterates in insertion order: re-inserting on each hit keeps the least recent first.
  private readonly counts = new Map<string, { count: number; endsAt: number }>();

  /** Counts one hit for a key; the count within the key's current window. */
  hit(key: string, windowMs: number): number {
    const now = Date.now();
    const entry = this.counts.get(key);
    this.counts.delete(key);
    if (entry && entry.endsAt > now) {
      entry.count += 1;
      this.counts.set(key, entry);
      return entry.count;
    }
    if (this.counts.size >= MAX_REMEMBERED) this.counts.delete(this.counts.keys().next().value!);
    this.counts.set(key, { count: 1, endsAt: now + windowMs });
    return 1;
  }
}

/**
 * Builds the hook.
 * @param reporter - where refusals are recorded
 * @param logger - dropped reports are logged (at most every 10 s)
 */
export function createRefusalHook(reporter: RefusalReporter, logger: Logger): (state: AdmissionState, refusal: AdmissionRefusal) => Promise<void> {
  let inFlight = 0;
  let dropped = 0;
  let lastDropLogAt = 0;
  const rateLimited = new WindowCounts();
  const anonymous = new WindowCounts();
  const drop = () => {
    dropped += 1;
    if (Date.now() - lastDropLogAt >= 10_000) {
      lastDropLogAt = Date.now();
      logger.warn({ dropped }, 'edge refusals not recorded: a flood is reported in proportion (total so far)');
    }
  };
  return async (state, refusal) => {
    const { facts, caller } = state;
    const address = clientAddressKey(facts.clientAddress);
    // A budget or the router's own capacity: one report per subject per retry window, so a flood
    // or an overload does not turn into as many audit calls (load shedding exists to save work).
    // A user or a registered app is accountable (and has budgets of its own): its refusals are
    // counted by its budget's key, never capped as an address's anonymous ones.
    const budget = budgetOf(caller);
    if (refusal.code === 'RATE_LIMITED' || refusal.step === 'load-shed') {
      const key = `${refusal.step}:${budget?.key ?? address}`;
      if (rateLimited.hit(key, (refusal.retryAfterSeconds ?? 1) * 1000) > 1) return;
    } else if (budget === undefined && anonymous.hit(address, 60_000) > ANONYMOUS_REPORTS_PER_MINUTE + 1) {
      // One past the stored rows: the identity service turns it into the address's overflow row.
      return drop();
    }
    const report = edgeRefusalOf({
      caller,
      document: state.document,
      operation: state.operation,
      variables: facts.variables,
      fields: refusal.fields,
      reason: refusal.code,
      origin: { ip: facts.clientAddress, userAgent: facts.userAgent },
      requestId: facts.requestId,
    });
    if (refusal.code === 'FORBIDDEN' && budget !== undefined) return reporter.report(report);
    if (inFlight >= MAX_IN_FLIGHT) return drop();
    inFlight += 1;
    void reporter.report(report).finally(() => {
      inFlight -= 1;
    });
  };
}
