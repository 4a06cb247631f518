/**
 * The router's list of revoked access tokens: for each user whose tokens were revoked (deactivated,
 * role changed), the time at or before which their tokens no longer count. Fed by
 * revocation-poller.ts; read on every request and WebSocket connect.
 */

/** One revocation as the identity service reports it. */
export interface TokenRevocation {
  /** The user (`sub` of their tokens). */
  userId: string;
  /** Tokens issued at or before this time (epoch ms) are refused. */
  validAfterMs: number;
}

/** Called for every revocation that is new or later than the one known. */
export type RevocationListener = (revocation: TokenRevocation) => void;

/** Answers whether a token of a user, issued at a time, has been revoked. */
export type RevocationCheck = (userId: string, issuedAtSeconds: number) => boolean;

/** How long past a revocation an entry stays beyond the token lifetime: covers clock tolerance and skew. */
export const RETENTION_MARGIN_MS = 60_000;

/** The revocations known to this router. */
export class TokenRevocationList {
  private readonly validAfter = new Map<string, number>();
  private readonly listeners = new Set<RevocationListener>();
  private loadedOnce = false;

  /** True once a complete list has been received (the router is not ready before). */
  get loaded(): boolean {
    return this.loadedOnce;
  }

  /** How many users have a revocation in force. */
  get size(): number {
    return this.validAfter.size;
  }

  /**
   * Merges a poll's answer. Entries are only added or moved later, never dropped here: an answer
   * that misses a user (a partial window) must not bring their tokens back.
   * @param revocations - what the identity service listed
   */
  apply(revocations: readonly TokenRevocation[]): void {
    for (const revocation of revocations) {
      const known = this.validAfter.get(revocation.userId);
      if (known !== undefined && known >= revocation.validAfterMs) continue;
      this.validAfter.set(revocation.userId, revocation.validAfterMs);
      for (const listener of this.listeners) listener(revocation);
    }
    this.loadedOnce = true;
  }

  /**
   * Drops entries that can no longer matter: every token they cover has expired.
   * @param nowMs - the clock
   * @param tokenLifetimeMs - the longest access-token lifetime
   */
  prune(nowMs: number, tokenLifetimeMs: number): void {
    const horizon = nowMs - tokenLifetimeMs - RETENTION_MARGIN_MS;
    for (const [userId, validAfterMs] of this.validAfter) {
      if (validAfterMs < horizon) this.validAfter.delete(userId);
    }
  }

  /**
   * True when a token was issued at or before its user's revocation. `iat` has whole seconds; the
   * identity service dates tokens signed in the revocation's second to the next one, so this errs
   * only towards refusing.
   * @param userId - `sub`
   * @param issuedAtSeconds - `iat`
   */
  isRevoked(userId: string, issuedAtSeconds: number): boolean {
    const validAfterMs = this.validAfter.get(userId);
    return validAfterMs !== undefined && issuedAtSeconds * 1000 <= validAfterMs;
  }

  /**
   * Subscribes to new revocations (open WebSocket sessions end on them).
   * @param listener - called synchronously while a poll's answer is merged
   * @returns unsubscribe
   */
  onRevoked(listener: RevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
