/** Storage of third-party apps (OAuth clients) and of the client assertions they have used. */

/** A registered app as stored, secret digest aside. */
export interface ClientAppRecord {
  id: string;
  name: string;
  contact: string;
  allowedScopes: string[];
  allowedOrigins: string[];
  /** Public JWK set for private_key_jwt; null for secret apps. */
  jwks: { keys: object[] } | null;
  /** Exact redirect URIs for the authorization code flow. */
  redirectUris: string[];
  /** No secret and no keys: PKCE alone (authorization code only). */
  publicClient: boolean;
  createdAt: Date;
  /** When the secret was last rotated: tokens issued before then are cut off (client-credentials.ts). */
  secretRotatedAt: Date | null;
  revokedAt: Date | null;
}

/** A stored app with what authenticates it. */
export interface ClientAppCredentials extends ClientAppRecord {
  /** SHA-256 hex of the secret; null for private_key_jwt apps. */
  secretHash: string | null;
}

/** A new registration. */
export interface NewClientApp {
  name: string;
  contact: string;
  allowedScopes: string[];
  allowedOrigins: string[];
  secretHash: string | null;
  jwks: { keys: object[] } | null;
  redirectUris: string[];
  publicClient: boolean;
  createdBy: string | null;
}

/** A one-time authorization code as stored (its SHA-256 only). */
export interface AuthorizationCodeRecord {
  codeHash: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string;
  expiresAt: Date;
}

/** Keyset position in the newest-first list. */
export interface ClientAppPosition {
  createdAt: Date;
  id: string;
}

/** A live refresh token of an app acting for a user, as stored (its digest aside). */
export interface AppRefreshTokenRecord {
  /** The code redemption it descends from: what reuse detection revokes. */
  familyId: string;
  clientId: string;
  userId: string;
  /** The user/ scopes the clinician granted. */
  scopes: string[];
  issuedAt: Date;
  expiresAt: Date;
}

/**
 * What presenting a refresh token found: it was live and is now spent (the next one stored in
 * its place), it had been spent before (its family is now revoked), or it is unknown, expired,
 * revoked or another app's.
 */
export type RefreshTokenExchange = { outcome: 'rotated'; token: AppRefreshTokenRecord } | { outcome: 'reused'; familyId: string } | { outcome: 'invalid' };

/** Storage of apps. */
export interface ClientAppRepository {
  /** @param app - the registration */
  create(app: NewClientApp): Promise<ClientAppRecord>;
  /** @param query - page after a position, newest first */
  list(query: { after?: ClientAppPosition; limit: number }): Promise<ClientAppRecord[]>;
  /** Number of registered apps. */
  count(): Promise<number>;
  /** @param id - the app (client_id) */
  findCredentials(id: string): Promise<ClientAppCredentials | undefined>;
  /**
   * Replaces the secret of a live secret app and revokes its refresh tokens.
   * @param id - the app
   * @param secretHash - digest of the new secret
   * @returns the app, or undefined when there is no live secret app with this id
   */
  rotateSecret(id: string, secretHash: string): Promise<ClientAppRecord | undefined>;
  /**
   * Revokes an app and its refresh tokens (idempotent: the first revocation time stays).
   * @param id - the app
   */
  revoke(id: string, at: Date): Promise<ClientAppRecord | undefined>;
  /**
   * Apps revoked or whose secret was rotated at or after a time, for the router's revocation poll.
   * @param since - lower bound (inclusive) of either time
   * @param limit - most rows
   */
  listTokenCutoffs(since: Date, limit: number): Promise<Array<{ id: string; revokedAt: Date | null; secretRotatedAt: Date | null }>>;
  /**
   * Records a client assertion's jti; false when the app already used it (a replay).
   * @param clientId - the app
   * @param jti - the assertion's id
   * @param expiresAt - when the assertion expires (the row may go after that)
   */
  useAssertion(clientId: string, jti: string, expiresAt: Date): Promise<boolean>;
  /** @param code - a freshly minted code's digest and what it is bound to */
  saveAuthorizationCode(code: AuthorizationCodeRecord): Promise<void>;
  /**
   * Spends a code: marks it used and returns it, or undefined when unknown or already spent.
   * Of concurrent redemptions of one code exactly one gets it back.
   * @param codeHash - SHA-256 hex of the presented code
   */
  spendAuthorizationCode(codeHash: string): Promise<AuthorizationCodeRecord | undefined>;
  /** Distinct browser origins of live apps. */
  listOrigins(): Promise<string[]>;
  /**
   * Stores the first refresh token of a family (a code redemption).
   * @param token - its digest, family, app, user, scopes and expiry
   */
  saveRefreshToken(token: Omit<AppRefreshTokenRecord, 'issuedAt'> & { tokenHash: string }): Promise<void>;
  /**
   * Spends a live refresh token of this app and stores the next one of its family, in one
   * transaction: of concurrent presentations one rotates, the others find it spent (reuse).
   * @param tokenHash - SHA-256 hex of the presented token
   * @param clientId - the authenticated app
   * @param next - the digest and expiry of the token to hand out instead
   */
  exchangeRefreshToken(tokenHash: string, clientId: string, next: { tokenHash: string; expiresAt: Date }): Promise<RefreshTokenExchange>;
  /**
   * Revokes every token of a family (reuse, or a user no longer allowed).
   * @param familyId - the family
   */
  revokeRefreshFamily(familyId: string): Promise<void>;
}
