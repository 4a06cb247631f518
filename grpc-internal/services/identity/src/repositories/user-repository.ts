/**
 * Users as the identity handlers see them. Implementations keep their storage types to
 * themselves: handlers only know these DTOs.
 */
import type { RoleName } from '@hospital/service-kit';

/** A user as shown to callers. */
export interface UserRecord {
  /** UUID. */
  id: string;
  /** Lower-cased sign-in email. */
  email: string;
  /** Name shown to colleagues. */
  displayName: string;
  /** The one role held. */
  role: RoleName;
  /** False once deactivated. */
  active: boolean;
  /** Creation time. */
  createdAt: Date;
  /** Access tokens issued at or before this time are refused; null when never revoked. */
  tokensValidAfter: Date | null;
}

/** A user whose earlier access tokens stopped being valid. */
export interface TokenRevocationRecord {
  /** User UUID. */
  userId: string;
  /** Tokens issued at or before this time are refused. */
  validAfter: Date;
}

/** A user with what a login needs to check; never leaves the service. */
export interface UserCredentials extends UserRecord {
  /** scrypt hash (service-kit format). */
  passwordHash: string;
  /** The password is a temporary one (an admin's reset): sign-in must replace it first. */
  passwordChangeRequired: boolean;
}

/** How a password is being replaced. */
export interface PasswordChange {
  /** Access tokens issued at or before this time stop being valid. */
  revokedAt: Date;
  /** True for an admin's temporary password, which must be replaced at the next sign-in. */
  temporary: boolean;
  /**
   * The hash the caller verified the old password against: the change lands only while it is still
   * the stored one, so of two racing replacements of one password exactly one wins. Absent for an
   * admin's reset, which replaces whatever is stored.
   */
  replacing?: string;
}

/** A user to create. */
export interface NewUser {
  /** Lower-cased email. */
  email: string;
  /** Name shown to colleagues. */
  displayName: string;
  /** Role to hold. */
  role: RoleName;
  /** scrypt hash of the initial password. */
  passwordHash: string;
}

/** Where a keyset page of users starts (exclusive), in (email, id) order. */
export interface UserPosition {
  /** Email of the last user of the previous page. */
  email: string;
  /** Id of the last user of the previous page. */
  id: string;
}

/** Which users a list shows. */
export interface UserFilter {
  /** Only this role. */
  role?: RoleName;
  /** Only users whose display name or email contains this text, ignoring case. */
  search?: string;
}

/** Active users of one role whose display name contains a text (nothing else of the account is matched). */
export interface ActiveByNameFilter {
  /** Only this role. */
  role: RoleName;
  /** Only users whose display name contains this text, ignoring case. */
  search?: string;
}

/** Where a page by display name starts: the last row of the previous page. */
export interface NamePosition {
  /** Display name of the last user of the previous page. */
  displayName: string;
  /** Id of the last user of the previous page. */
  id: string;
}

/** Storage of users. */
export interface UserRepository {
  /**
   * A user with credentials, by lower-cased email.
   * @param email - lower-cased email
   */
  findCredentialsByEmail(email: string): Promise<UserCredentials | undefined>;
  /**
   * Users by id, in no particular order; unknown ids are left out.
   * @param ids - UUIDs
   */
  findByIds(ids: readonly string[]): Promise<UserRecord[]>;
  /**
   * A page of users ordered by (email, id).
   * @param query - optional role filter, start position, and how many rows to read
   */
  list(query: UserFilter & { after?: UserPosition; limit: number }): Promise<UserRecord[]>;
  /**
   * How many users match a filter.
   * @param query - optional role filter and search text
   */
  count(query: UserFilter): Promise<number>;
  /**
   * A page of active users of one role ordered by (display name, id): a picker's list, which
   * must not order or page by anything a colleague may not see (the email).
   * @param query - role, name search, start position, and how many rows to read
   */
  listActiveByName(query: ActiveByNameFilter & { after?: NamePosition; limit: number }): Promise<UserRecord[]>;
  /**
   * How many active users of one role match a name search.
   * @param query - role and name search
   */
  countActiveByName(query: ActiveByNameFilter): Promise<number>;
  /**
   * Creates a user; `undefined` when the email is taken.
   * @param user - the new user
   */
  create(user: NewUser): Promise<UserRecord | undefined>;
  /**
   * Changes a user's role and revokes the access tokens issued so far; `undefined` for an unknown id.
   * @param id - user UUID
   * @param role - the new role
   * @param revokedAt - tokens issued at or before this time stop being valid
   */
  changeRole(id: string, role: RoleName, revokedAt: Date): Promise<UserRecord | undefined>;
  /**
   * Marks a user inactive and revokes the access tokens issued so far (idempotent); `undefined`
   * for an unknown id.
   * @param id - user UUID
   * @param revokedAt - tokens issued at or before this time stop being valid
   */
  deactivate(id: string, revokedAt: Date): Promise<UserRecord | undefined>;
  /**
   * Marks a user active again (idempotent); `undefined` for an unknown id.
   * @param id - user UUID
   */
  reactivate(id: string): Promise<UserRecord | undefined>;
  /**
   * Replaces a user's password hash and revokes the access tokens issued so far (whoever knew the
   * old password is out); `undefined` for an unknown id, `'changed-meanwhile'` when
   * `change.replacing` is no longer the stored hash (nothing is written then).
   * @param id - user UUID
   * @param passwordHash - scrypt hash of the new password
   * @param change - when tokens stop being valid, and whether the password is a temporary one the
   *   user must replace at the next sign-in
   */
  setPasswordHash(id: string, passwordHash: string, change: PasswordChange): Promise<UserRecord | undefined | 'changed-meanwhile'>;
  /**
   * Revocations at or after a time, oldest first.
   * @param since - lower bound (inclusive)
   * @param limit - most rows to return
   */
  listTokenRevocations(since: Date, limit: number): Promise<TokenRevocationRecord[]>;
}
