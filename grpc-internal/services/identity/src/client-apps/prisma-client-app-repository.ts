/**
 * ClientAppRepository on Prisma (schema `identity`, tables `client_apps`, `client_assertion_uses`,
 * `authorization_codes`, `app_refresh_tokens`).
 */
import { keysetWhere } from '@hospital/service-kit';
import type { ClientApp, DbClient, PrismaClient } from '@hospital/db';
import type {
  AppRefreshTokenRecord,
  AuthorizationCodeRecord,
  ClientAppCredentials,
  ClientAppPosition,
  ClientAppRecord,
  ClientAppRepository,
  NewClientApp,
  RefreshTokenExchange,
} from './client-app-repository.ts';

function toRecord(app: ClientApp): ClientAppRecord {
  return {
    id: app.id,
    name: app.name,
    contact: app.contact,
    allowedScopes: app.allowedScopes,
    allowedOrigins: app.allowedOrigins,
    jwks: (app.jwks as { keys: object[] } | null) ?? null,
    redirectUris: app.redirectUris,
    publicClient: app.publicClient,
    createdAt: app.createdAt,
    secretRotatedAt: app.secretRotatedAt,
    revokedAt: app.revokedAt,
  };
}

/** Apps stored by Prisma. */
export class PrismaClientAppRepository implements ClientAppRepository {
  /** @param db - the Prisma client */
  constructor(private readonly db: DbClient) {}

  async create(app: NewClientApp): Promise<ClientAppRecord> {
    const { jwks, ...rest } = app;
    // No key set is a NULL column, which Prisma writes for an absent Json field (a null would need Prisma.JsonNull).
    return toRecord(await this.db.clientApp.create({ data: { ...rest, jwks: jwks ?? undefined } }));
  }

  async list(query: { after?: ClientAppPosition; limit: number }): Promise<ClientAppRecord[]> {
    const after = query.after;
    const apps = await this.db.clientApp.findMany({
      // Keyset, newest first: strictly before (created_at, id) of the previous page's last row.
      where: keysetWhere('createdAt', after, 'desc'),
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit,
    });
    return apps.map(toRecord);
  }

  async count(): Promise<number> {
    return this.db.clientApp.count();
  }

  async findCredentials(id: string): Promise<ClientAppCredentials | undefined> {
    const app = await this.db.clientApp.findUnique({ where: { id } });
    return app ? { ...toRecord(app), secretHash: app.secretHash } : undefined;
  }

  async rotateSecret(id: string, secretHash: string): Promise<ClientAppRecord | undefined> {
    const { count } = await this.db.clientApp.updateMany({ where: { id, revokedAt: null, secretHash: { not: null } }, data: { secretHash, secretRotatedAt: new Date() } });
    if (count === 0) return undefined;
    await this.revokeRefreshTokensOf(id);
    const app = await this.db.clientApp.findUnique({ where: { id } });
    return app ? toRecord(app) : undefined;
  }

  async revoke(id: string, at: Date): Promise<ClientAppRecord | undefined> {
    await this.db.clientApp.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
    await this.revokeRefreshTokensOf(id);
    const app = await this.db.clientApp.findUnique({ where: { id } });
    return app ? toRecord(app) : undefined;
  }

  async listTokenCutoffs(since: Date, limit: number): Promise<Array<{ id: string; revokedAt: Date | null; secretRotatedAt: Date | null }>> {
    return this.db.clientApp.findMany({
      where: { OR: [{ revokedAt: { gte: since } }, { secretRotatedAt: { gte: since } }] },
      orderBy: { id: 'asc' },
      take: limit,
      select: { id: true, revokedAt: true, secretRotatedAt: true },
    });
  }

  async useAssertion(clientId: string, jti: string, expiresAt: Date): Promise<boolean> {
    // The primary key decides, so two concurrent uses of one assertion cannot both succeed.
    const inserted = await this.db.$executeRaw`
      INSERT INTO identity.client_assertion_uses (client_id, jti, expires_at)
      VALUES (${clientId}::uuid, ${jti}, ${expiresAt})
      ON CONFLICT DO NOTHING`;
    if (inserted === 1) {
      await this.db.$executeRaw`DELETE FROM identity.client_assertion_uses WHERE expires_at < now() - interval '1 minute'`;
    }
    return inserted === 1;
  }

  async saveAuthorizationCode(code: AuthorizationCodeRecord): Promise<void> {
    await this.db.authorizationCode.create({ data: code });
    // Expired codes are useless; prune a few minutes late so a stray redemption still reads "spent or expired".
    await this.db.authorizationCode.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 5 * 60_000) } } });
  }

  async spendAuthorizationCode(codeHash: string): Promise<AuthorizationCodeRecord | undefined> {
    // One conditional UPDATE: under concurrent redemptions the row lock lets exactly one see used_at NULL.
    const rows = await this.db.$queryRaw<Array<{ client_id: string; user_id: string; redirect_uri: string; scopes: string[]; code_challenge: string; expires_at: Date }>>`
      UPDATE identity.authorization_codes SET used_at = now()
      WHERE code_hash = ${codeHash} AND used_at IS NULL
      RETURNING client_id::text, user_id::text, redirect_uri, scopes, code_challenge, expires_at`;
    const row = rows[0];
    if (!row) return undefined;
    return {
      codeHash,
      clientId: row.client_id,
      userId: row.user_id,
      redirectUri: row.redirect_uri,
      scopes: row.scopes,
      codeChallenge: row.code_challenge,
      expiresAt: row.expires_at,
    };
  }

  async saveRefreshToken(token: Omit<AppRefreshTokenRecord, 'issuedAt'> & { tokenHash: string }): Promise<void> {
    await this.db.appRefreshToken.create({ data: token });
    // Expired tokens are useless; a day late, so a stray presentation still reads as expired.
    await this.db.appRefreshToken.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 86_400_000) } } });
  }

  async exchangeRefreshToken(tokenHash: string, clientId: string, next: { tokenHash: string; expiresAt: Date }): Promise<RefreshTokenExchange> {
    return this.inTransaction(async (tx) => {
      // The row lock of this UPDATE orders concurrent presentations: the later ones find used_at set.
      const [spent] = await tx.$queryRaw<Array<{ family_id: string; user_id: string; scopes: string[]; issued_at: Date; expires_at: Date }>>`
        UPDATE identity.app_refresh_tokens SET used_at = now()
        WHERE token_hash = ${tokenHash} AND client_id = ${clientId}::uuid AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING family_id::text, user_id::text, scopes, issued_at, expires_at`;
      if (spent) {
        const token = { familyId: spent.family_id, clientId, userId: spent.user_id, scopes: spent.scopes, issuedAt: spent.issued_at, expiresAt: spent.expires_at };
        await tx.appRefreshToken.create({
          data: { tokenHash: next.tokenHash, familyId: token.familyId, clientId, userId: token.userId, scopes: token.scopes, expiresAt: next.expiresAt },
        });
        return { outcome: 'rotated', token };
      }
      const seen = await tx.appRefreshToken.findUnique({ where: { tokenHash }, select: { familyId: true, clientId: true, usedAt: true } });
      if (!seen || seen.clientId !== clientId || seen.usedAt === null) return { outcome: 'invalid' };
      // A spent token presented again: someone holds a copy. The whole family goes (OAuth 2.0 Security BCP §4.14).
      await tx.appRefreshToken.updateMany({ where: { familyId: seen.familyId, revokedAt: null }, data: { revokedAt: new Date() } });
      return { outcome: 'reused', familyId: seen.familyId };
    });
  }

  async revokeRefreshFamily(familyId: string): Promise<void> {
    await this.db.appRefreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  private async revokeRefreshTokensOf(clientId: string): Promise<void> {
    await this.db.appRefreshToken.updateMany({ where: { clientId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  /** Runs in a transaction of its own, or in the caller's when the repository was built on one. */
  private inTransaction<T>(work: (tx: DbClient) => Promise<T>): Promise<T> {
    return '$transaction' in this.db ? (this.db as PrismaClient).$transaction(work) : work(this.db);
  }

  async listOrigins(): Promise<string[]> {
    const rows = await this.db.$queryRaw<Array<{ origin: string }>>`
      SELECT DISTINCT unnest(allowed_origins) AS origin FROM identity.client_apps WHERE revoked_at IS NULL ORDER BY 1`;
    return rows.map((r) => r.origin);
  }
}
