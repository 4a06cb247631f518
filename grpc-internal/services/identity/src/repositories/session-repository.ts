/**
 * Refresh-token sessions. A session is a family of tokens: each rotation spends one token and
 * adds its successor; revoking the family ends the session.
 */

/** A refresh token to store (by digest only). */
export interface NewRefreshToken {
  /** Owner. */
  userId: string;
  /** Session (family) the token belongs to. */
  familyId: string;
  /** SHA-256 of the token. */
  tokenHash: string;
  /** When the token stops working. */
  expiresAt: Date;
}

/** What is known about a stored token, for reuse detection. */
export interface StoredRefreshToken {
  /** Owner. */
  userId: string;
  /** Session (family). */
  familyId: string;
  /** True once rotated. */
  spent: boolean;
  /** True once revoked (logout, reuse, deactivation). */
  revoked: boolean;
}

/** Storage of refresh tokens. */
export interface SessionRepository {
  /**
   * Stores a new token (first of a family at login).
   * @param token - the token digest and its family
   */
  create(token: NewRefreshToken): Promise<void>;
  /**
   * Spends a live token and stores its successor in the same family, atomically: of two
   * concurrent rotations of one token exactly one gets a result.
   * @param tokenHash - digest of the presented token
   * @param successor - digest and expiry of the successor
   * @returns owner and family when the token was live; undefined otherwise
   */
  rotate(tokenHash: string, successor: { tokenHash: string; expiresAt: Date }): Promise<{ userId: string; familyId: string } | undefined>;
  /**
   * Looks a token up whatever its state.
   * @param tokenHash - digest of the presented token
   */
  findByHash(tokenHash: string): Promise<StoredRefreshToken | undefined>;
  /**
   * Revokes every token of a family.
   * @param familyId - the session
   * @returns true when the family still had a live token
   */
  revokeFamily(familyId: string): Promise<boolean>;
  /**
   * Revokes every token of a user (deactivation).
   * @param userId - the user
   */
  revokeAllForUser(userId: string): Promise<void>;
  /**
   * Sessions revoked at or after a time (logout, reuse detection, deactivation), oldest first.
   * @param since - lower bound (inclusive)
   * @param limit - most rows to return
   */
  listRevokedSessions(since: Date, limit: number): Promise<RevokedSession[]>;
}

/** A session that ended: every access token carrying its id is refused. */
export interface RevokedSession {
  /** Owner. */
  userId: string;
  /** The session (family) id, the `sid` claim. */
  sessionId: string;
  /** When it was revoked. */
  revokedAt: Date;
}
