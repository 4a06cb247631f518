/**
 * The router's list of revoked access tokens: for each user whose tokens were revoked (deactivated,
 * role changed), the time at or before which their tokens no longer count; and the sessions that
 * ended (logout, refresh-token reuse), whose tokens (`sid` claim) no longer count at all. Fed by
 * revocation-poller.ts; read on every request and WebSocket connect.
 */

/** One revocation as the identity service reports it. */
export interface TokenRevocation {
  /** The user (`sub` of their tokens). */
  userId: string;
  /** Tokens issued at or before this time (epoch ms) are refused; for a session, when it ended. */
  validAfterMs: number;
  /** Set for an ended session: every token carrying this `sid` is refused, whatever its `iat`. */
  sessionId?: string;
}

/** Called for every revocation that is new or later than the one known. */
export type RevocationListener = (revocation: TokenRevocation) => void;

/** Answers whether a token of a user, issued at a time, in a session (if it names one), has been revoked. */
export type RevocationCheck = (userId: string, issuedAtSeconds: number, sessionId?: string) => boolean;

/** How long past a revocation an entry stays beyond the token lifetime: covers clock tolerance and skew. */
export const RETENTION_MARGIN_MS = 60_000;

/** The revocations known to this router. */
export class TokenRevocationList {
  private readonly validAfter = new Map<string, number>();
  /** Ended sessions and when they ended (epoch ms), kept as long as their tokens could live. */
  private readonly endedSessions = new Map<string, number>();
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

  /** How many ended sessions are known. */
  get sessionCount(): number {
    return this.endedSessions.size;
  }

  /**
   * Merges a poll's answer. Entries are only added or moved later, never dropped here: an answer
   * that misses a user (a partial window) must not bring their tokens back.
   * @param revocations - what the identity service listed
   */
  apply(revocations: readonly TokenRevocation[]): void {
    for (const revocation of revocations) {
      if (revocation.sessionId !== undefined) {
        // A session ends once; polls overlap, so it is usually known already.
        if (this.endedSessions.has(revocation.sessionId)) continue;
        this.endedSessions.set(revocation.sessionId, revocation.validAfterMs);
        // Listeners close the user's sockets opened before the end: over-broad (the user's other
        // sessions reconnect with their valid tokens), never too narrow.
        for (const listener of this.listeners) listener(revocation);
        continue;
      }
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
    // A session issues no token after it ends, so its tokens are all expired past the horizon.
    for (const [sessionId, endedAtMs] of this.endedSessions) {
      if (endedAtMs < horizon) this.endedSessions.delete(sessionId);
    }
  }

  /**
   * True when a token was issued at or before its user's revocation. `iat` has whole seconds; the
   * identity service dates tokens signed in the revocation's second to the next one, so this errs
   * only towards refusing.
   * A token naming an ended session is refused whatever its `iat`.
   * @param userId - `sub`
   * @param issuedAtSeconds - `iat`
   * @param sessionId - `sid`, when the token carries one
   */
  isRevoked(userId: string, issuedAtSeconds: number, sessionId?: string): boolean {
    if (sessionId !== undefined && this.endedSessions.has(sessionId)) return true;
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
