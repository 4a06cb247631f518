/** UserRepository on Prisma (schema `identity`, table `users`). */
import { Prisma, type DbClient, type User } from '@hospital/db';
import { isSqlState, keysetWhere, SQLSTATE, type RoleName } from '@hospital/service-kit';
import type {
  ActiveByNameFilter,
  NamePosition,
  NewUser,
  PasswordChange,
  TokenRevocationRecord,
  UserCredentials,
  UserFilter,
  UserPosition,
  UserRecord,
  UserRepository,
} from './user-repository.ts';

/** Prisma's "no row to update", turned into a result instead of a failure (a unique violation is the kit's SQLSTATE). */
const RECORD_NOT_FOUND = 'P2025';

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;
}

function toRecord(user: User): UserRecord {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt,
    tokensValidAfter: user.tokensValidAfter,
  };
}

/** The WHERE of a role filter and a search (a staff list is small: a scan with ILIKE is enough). */
function filterWhere(query: UserFilter): Prisma.UserWhereInput {
  const search = query.search
    ? { OR: [{ displayName: { contains: query.search, mode: 'insensitive' as const } }, { email: { contains: query.search, mode: 'insensitive' as const } }] }
    : {};
  return { role: query.role, ...search };
}

/** The WHERE of an active-users-by-name filter. */
function activeByNameWhere(query: ActiveByNameFilter): Prisma.UserWhereInput {
  // Prisma reads an undefined filter as no filter.
  return { role: query.role, active: true, displayName: query.search ? { contains: query.search, mode: 'insensitive' } : undefined };
}

/** Users stored by Prisma. */
export class PrismaUserRepository implements UserRepository {
  /** @param db - the Prisma client, or a transaction client */
  constructor(private readonly db: DbClient) {}

  async findCredentialsByEmail(email: string): Promise<UserCredentials | undefined> {
    const user = await this.db.user.findUnique({ where: { email } });
    if (!user) return undefined;
    return { ...toRecord(user), passwordHash: user.passwordHash, passwordChangeRequired: user.passwordChangeRequired };
  }

  async findByIds(ids: readonly string[]): Promise<UserRecord[]> {
    if (ids.length === 0) return [];
    const users = await this.db.user.findMany({ where: { id: { in: [...ids] } } });
    return users.map(toRecord);
  }

  async list(query: UserFilter & { after?: UserPosition; limit: number }): Promise<UserRecord[]> {
    return this.pageAfter('email', filterWhere(query), query.after, query.limit);
  }

  async count(query: UserFilter): Promise<number> {
    return this.db.user.count({ where: filterWhere(query) });
  }

  async listActiveByName(query: ActiveByNameFilter & { after?: NamePosition; limit: number }): Promise<UserRecord[]> {
    return this.pageAfter('displayName', activeByNameWhere(query), query.after, query.limit);
  }

  /**
   * A page of the users a filter matches, in (key, id) order, strictly after (key, id) of the
   * previous page's last row.
   * @param key - the column the list is sorted by (ties broken by id)
   * @param where - the filter
   * @param after - the previous page's last row, if any
   * @param limit - how many rows to read
   */
  private async pageAfter<K extends 'email' | 'displayName'>(
    key: K,
    where: Prisma.UserWhereInput,
    after: (Record<K, string> & { id: string }) | undefined,
    limit: number,
  ): Promise<UserRecord[]> {
    const users = await this.db.user.findMany({
      // The keyset under AND, not spread beside the filter: both are an OR, and the second used to
      // replace the search.
      where: { AND: [where, keysetWhere(key, after, 'asc') as Prisma.UserWhereInput] },
      orderBy: [{ [key]: 'asc' }, { id: 'asc' }],
      take: limit,
    });
    return users.map(toRecord);
  }

  async countActiveByName(query: ActiveByNameFilter): Promise<number> {
    return this.db.user.count({ where: activeByNameWhere(query) });
  }

  async create(user: NewUser): Promise<UserRecord | undefined> {
    try {
      return toRecord(await this.db.user.create({ data: user }));
    } catch (error) {
      // The unique index decides, so two concurrent creations of one email cannot both succeed.
      if (isSqlState(error, SQLSTATE.uniqueViolation)) return undefined;
      throw error;
    }
  }

  async changeRole(id: string, role: RoleName, revokedAt: Date): Promise<UserRecord | undefined> {
    // One UPDATE: the new role and the revocation of tokens carrying the old one land together.
    return this.updateOne(id, { role, tokensValidAfter: revokedAt });
  }

  async deactivate(id: string, revokedAt: Date): Promise<UserRecord | undefined> {
    return this.updateOne(id, { active: false, tokensValidAfter: revokedAt });
  }

  async reactivate(id: string): Promise<UserRecord | undefined> {
    return this.updateOne(id, { active: true });
  }

  async setPasswordHash(id: string, passwordHash: string, change: PasswordChange): Promise<UserRecord | undefined | 'changed-meanwhile'> {
    const data = { passwordHash, tokensValidAfter: change.revokedAt, passwordChangeRequired: change.temporary };
    if (change.replacing === undefined) return this.updateOne(id, data);
    // Compare and set in one UPDATE: a racing replacement that committed first makes this one match no row.
    const { count } = await this.db.user.updateMany({ where: { id, passwordHash: change.replacing }, data });
    if (count === 1) return (await this.findByIds([id]))[0];
    return (await this.findByIds([id])).length === 0 ? undefined : 'changed-meanwhile';
  }

  async listTokenRevocations(since: Date, limit: number): Promise<TokenRevocationRecord[]> {
    const users = await this.db.user.findMany({
      where: { tokensValidAfter: { gte: since } },
      select: { id: true, tokensValidAfter: true },
      orderBy: [{ tokensValidAfter: 'asc' }, { id: 'asc' }],
      take: limit,
    });
    return users.map((u) => ({ userId: u.id, validAfter: u.tokensValidAfter as Date }));
  }

  private async updateOne(id: string, data: Prisma.UserUpdateInput): Promise<UserRecord | undefined> {
    try {
      return toRecord(await this.db.user.update({ where: { id }, data }));
    } catch (error) {
      if (hasCode(error, RECORD_NOT_FOUND)) return undefined;
      throw error;
    }
  }
}
