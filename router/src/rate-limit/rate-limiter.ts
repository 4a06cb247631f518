/**
 * Rate limits per signed-in user and per client address, in fixed windows counted by a
 * {@link RateLimitStore}. Every request to `/graphql` spends its address's budget before the body
 * is even parsed; a signed-in caller's operation also spends the user's budget once the token is
 * verified (the admission pipeline's first steps, admission/steps/caller.ts). WebSocket handshakes
 * spend the address's budget, connection attempts a smaller connection budget (address and user),
 * and subscribe messages the address's and the user's budgets. Refusals happen
 * before any subgraph is called: HTTP 429 with `Retry-After`, or a RATE_LIMITED error / close
 * code 4429 on the WebSocket.
 *
 * When the store fails (Redis down or slow) the limiter fails OPEN: the request goes through and
 * the failure is logged. Staff must never be locked out of patient records by a cache outage; the
 * operation-size and cost limits, which need no store, keep guarding the subgraphs meanwhile.
 */
import type { Logger } from '@hospital/service-kit';
import type { RateLimitStore } from './rate-limit-store.ts';

/** The budgets; 0 turns one off. */
export interface RateLimits {
  /** Operations per signed-in user per window: HTTP operations and WebSocket subscribe messages. */
  perUser: number;
  /** Requests to /graphql per client address per window, WebSocket handshakes included. */
  perIp: number;
  /** WebSocket connection attempts per window, counted per client address and per user. */
  wsConnects: number;
  /** Window length in seconds. */
  windowSeconds: number;
}

/**
 * Far above what a person at a dashboard sends (a few operations a minute, bursts of ten on page
 * load) and above a whole test file's traffic, while a script hammering the API is stopped within
 * a minute. Several staff behind one NAT share the per-address budget, hence its size.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { perUser: 1_200, perIp: 6_000, wsConnects: 120, windowSeconds: 60 };

/** What is being counted. */
export type RateLimitBucket = 'user' | 'ip' | 'ws-connect-user' | 'ws-connect-ip';

/** The limiter's answer for one hit. */
export type RateLimitVerdict = { allowed: true } | { allowed: false; bucket: RateLimitBucket; retryAfterSeconds: number };

const ALLOWED: RateLimitVerdict = { allowed: true };

/** Counts hits against the budgets; fails open when the store fails. */
export class RateLimiter {
  private lastFailureLogAt = 0;

  /**
   * @param limits - the budgets and window
   * @param store - where the counts live
   * @param logger - store failures are logged here (at most every 10 s)
   */
  constructor(
    readonly limits: RateLimits,
    private readonly store: RateLimitStore,
    private readonly logger: Logger,
  ) {}

  /**
   * Counts one hit for a subject and says whether it is within its budget.
   * @param bucket - which budget
   * @param subject - the user id or client address
   */
  async take(bucket: RateLimitBucket, subject: string): Promise<RateLimitVerdict> {
    const limit = this.limitOf(bucket);
    if (limit <= 0) return ALLOWED;
    try {
      const { count, resetInMs } = await this.store.hit(`${bucket}:${subject}`, this.limits.windowSeconds * 1000);
      if (count <= limit) return ALLOWED;
      return { allowed: false, bucket, retryAfterSeconds: Math.max(1, Math.ceil(resetInMs / 1000)) };
    } catch (error) {
      const now = Date.now();
      if (now - this.lastFailureLogAt >= 10_000) {
        this.lastFailureLogAt = now;
        this.logger.error({ err: error, bucket }, 'rate-limit store failed; letting requests through (fail-open)');
      }
      return ALLOWED;
    }
  }

  /** Closes the store. */
  async close(): Promise<void> {
    await this.store.close();
  }

  private limitOf(bucket: RateLimitBucket): number {
    switch (bucket) {
      case 'user':
        return this.limits.perUser;
      case 'ip':
        return this.limits.perIp;
      case 'ws-connect-user':
      case 'ws-connect-ip':
        return this.limits.wsConnects;
    }
  }
}

/**
 * The message of a refusal, safe to show.
 * @param verdict - a refusal
 */
export function rateLimitMessage(verdict: Extract<RateLimitVerdict, { allowed: false }>): string {
  const what = {
    user: 'Too many requests for this account',
    ip: 'Too many requests from this address',
    'ws-connect-user': 'Too many connection attempts',
    'ws-connect-ip': 'Too many connection attempts',
  }[verdict.bucket];
  return `${what}; retry in ${verdict.retryAfterSeconds} s.`;
}
