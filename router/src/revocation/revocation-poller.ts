/**
 * Feeds the revocation list by polling the identity service's ListTokenRevocations, which needs
 * neither Kafka nor Redis: the database column behind it is the source of truth.
 *
 * Failure policy. Before the first answer the router is not ready (/ready answers 503), so a load
 * balancer sends it no traffic. After that, a failed poll keeps the last list and the router keeps
 * serving: an identity outage or network blip must not lock hospital staff out. Entries already
 * known stay in force (a revoked user never gets back in); only revocations made during the outage
 * wait for the next successful poll. That window is the price of staying available; it is logged.
 */
import { randomUUID } from 'node:crypto';
import { createIdentityClient } from '@hospital/grpc-contracts';
import { signIdentity, type Logger } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import type { TokenRevocation, TokenRevocationList } from './revocation-list.ts';

/**
 * How far each window reaches back before the previous answer's server time: covers revocations
 * committed while that answer was read and small clock differences between identity replicas.
 */
export const POLL_OVERLAP_MS = 30_000;

/** Until the identity service says otherwise, entries are kept this long (ACCESS_TOKEN_TTL's default). */
const DEFAULT_TOKEN_LIFETIME_MS = 900_000;

/** Failures logged again every this many polls while they persist, so an outage stays visible. */
const RELOG_EVERY = 30;

/** Where and how often to poll. */
export interface RevocationPollerOptions {
  /** host:port of the identity service. */
  identityTarget: string;
  /** INTERNAL_SECRET: the method admits only the system's own services. */
  internalSecret: string;
  /** Time between polls, ms. */
  intervalMs: number;
  /** The list to feed. */
  list: TokenRevocationList;
  logger: Logger;
}

/** A running poller. */
export interface RevocationPoller {
  /** Settles after the first poll, successful or not (never rejects). */
  firstPoll: Promise<void>;
  /** Stops polling and closes the gRPC channel. */
  close(): void;
}

/**
 * The next window's start: the answer's server time minus the overlap.
 * @param serverTime - RFC 3339 time of the identity service's answer
 */
export function nextSince(serverTime: string): string {
  const ms = Date.parse(serverTime);
  if (!Number.isFinite(ms)) throw new Error('ListTokenRevocations answered without a valid server_time');
  return new Date(ms - POLL_OVERLAP_MS).toISOString();
}

/**
 * Starts polling at once, then every `intervalMs` after each poll ends (polls never overlap).
 * @param options - target, secret, interval, list, logger
 */
export function startRevocationPoller(options: RevocationPollerOptions): RevocationPoller {
  const { list, logger } = options;
  const client = createIdentityClient({ target: options.identityTarget, deadlineMs: Math.min(5_000, Math.max(1_000, options.intervalMs)) });
  // Empty: the first answer holds every revocation still relevant.
  let since = '';
  let tokenLifetimeMs = DEFAULT_TOKEN_LIFETIME_MS;
  let failures = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const pollOnce = async () => {
    const metadata = callMetadata(signIdentity({ kind: 'service', service: 'router' }, options.internalSecret), randomUUID());
    const response = await client.listTokenRevocations({ since }, { metadata });
    const revocations: TokenRevocation[] = [];
    for (const r of response.revocations) {
      const validAfterMs = Date.parse(r.validAfter);
      // proto3 sends '' for no session: a user-wide revocation, which must not read as session ''.
      if (r.userId && Number.isFinite(validAfterMs)) revocations.push({ userId: r.userId, validAfterMs, sessionId: r.sessionId || undefined });
      else logger.warn({ userId: r.userId }, 'ignored a malformed token revocation');
    }
    const following = nextSince(response.serverTime);
    list.apply(revocations);
    if (response.accessTokenTtlSeconds > 0) tokenLifetimeMs = response.accessTokenTtlSeconds * 1000;
    list.prune(Date.now(), tokenLifetimeMs);
    since = following;
  };

  const tick = async () => {
    try {
      await pollOnce();
      if (failures > 0) logger.info({ failures }, 'token revocation poll recovered');
      failures = 0;
    } catch (error) {
      failures += 1;
      // A poll cut short by close() is not an outage.
      if (!closed && (failures === 1 || failures % RELOG_EVERY === 0)) {
        logger.error(
          { err: error, failures, loaded: list.loaded, target: options.identityTarget },
          list.loaded ? 'token revocation poll failed; keeping the last list' : 'token revocation poll failed; not ready until it succeeds',
        );
      }
    } finally {
      if (!closed) {
        timer = setTimeout(() => void tick(), options.intervalMs);
        timer.unref();
      }
    }
  };

  const firstPoll = tick();
  return {
    firstPoll,
    close() {
      closed = true;
      clearTimeout(timer);
      client.close();
    },
  };
}
