/** ClientAppRepository on Prisma (schema `identity`, tables `client_apps`, `client_assertion_uses`). */
import type { ClientApp, DbClient } from '@hospital/db';
import type { AuthorizationCodeRecord, ClientAppCredentials, ClientAppPosition, ClientAppRecord, ClientAppRepository, NewClientApp } from './client-app-repository.ts';

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
    return toRecord(await this.db.clientApp.create({ data: { ...rest, ...(jwks ? { jwks } : {}) } }));
  }

  async list(query: { after?: ClientAppPosition; limit: number }): Promise<ClientAppRecord[]> {
    const after = query.after;
    const apps = await this.db.clientApp.findMany({
      // Keyset, newest first: strictly before (created_at, id) of the previous page's last row.
      where: after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {},
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
    const app = await this.db.clientApp.findUnique({ where: { id } });
    return app ? toRecord(app) : undefined;
  }

  async revoke(id: string, at: Date): Promise<ClientAppRecord | undefined> {
    await this.db.clientApp.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
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

  async listOrigins(): Promise<string[]> {
    const rows = await this.db.$queryRaw<Array<{ origin: string }>>`
      SELECT DISTINCT unnest(allowed_origins) AS origin FROM identity.client_apps WHERE revoked_at IS NULL ORDER BY 1`;
    return rows.map((r) => r.origin);
  }
}
