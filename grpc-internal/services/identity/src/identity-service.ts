/** startIdentityService: wires Prisma, repositories and handlers into a running gRPC server. */
import { availableParallelism } from 'node:os';
import { createPrismaClient, listAccessRecords, startAuditTrail, verifyAuditChain } from '@hospital/db';
import { auditProto, identityProto } from '@hospital/grpc-contracts';
import { createPasswordHashing, decoyPasswordHash, type HashingLimits, type Logger, type GrpcServiceStartConfig } from '@hospital/service-kit';
import { startGrpcServer, type RunningService } from '@hospital/service-kit/grpc';
import { DEFAULT_LOGIN_THROTTLE, type LoginThrottlePolicy } from './domain/login-throttle.ts';
import { PrismaLoginThrottleRepository } from './repositories/prisma-login-throttle-repository.ts';
import { loadSigningKey } from './domain/tokens.ts';
import { PrismaSessionRepository } from './repositories/prisma-session-repository.ts';
import { PrismaUserRepository } from './repositories/prisma-user-repository.ts';
import { PrismaClientAppRepository } from './client-apps/prisma-client-app-repository.ts';
import { createIdentityHandlers, IDENTITY_SERVICE_NAME } from './service.ts';
import { AUDIT_SERVICE_NAME, createAuditHandlers } from './audit/audit-handlers.ts';

/** Configuration of the identity service (see env.ts for the variables behind it). */
export interface IdentityServiceConfig extends GrpcServiceStartConfig {
  /** Access-token signing and session lifetimes. */
  jwt: {
    /** PEM of the EC P-256 private key. */
    privateKeyPem: string;
    /** `kid` header. */
    keyId: string;
    /** `iss` claim. */
    issuer: string;
    /** `aud` claim. */
    audience: string;
    /** Access-token lifetime, seconds. */
    accessTokenTtlSeconds: number;
    /** Refresh-token lifetime, seconds. */
    refreshTokenTtlSeconds: number;
  };
  /** Sign-in throttling; defaults from DEFAULT_LOGIN_THROTTLE. */
  loginThrottle?: Partial<LoginThrottlePolicy>;
  /** Concurrent password hashing; defaults: as many as cores, 4 waiting per core. */
  hashing?: Partial<HashingLimits>;
}

/** How often stale throttling counters are deleted. */
const PRUNE_EVERY_MS = 3_600_000;

/** Deletes, every hour, counters untouched for longer than any delay or window can matter. */
function startPruning(throttle: PrismaLoginThrottleRepository, policy: LoginThrottlePolicy, logger: Logger): NodeJS.Timeout {
  const pruneAge = Math.max(policy.maxDelaySeconds, policy.windowSeconds) * 1000 + 86_400_000;
  const pruner = setInterval(() => {
    throttle.prune(new Date(Date.now() - pruneAge)).catch((error: unknown) => logger.warn({ err: error }, 'pruning login throttles failed'));
  }, PRUNE_EVERY_MS);
  pruner.unref();
  return pruner;
}

/** A running identity service; close() drains the gRPC server, then closes the database pool. */
export type RunningIdentityService = RunningService;

/**
 * Starts the identity gRPC service.
 * @param config - ports, database, secrets, token settings
 * @param deps - the logger
 */
export async function startIdentityService(config: IdentityServiceConfig, deps: { logger: Logger }): Promise<RunningIdentityService> {
  const privateKey = loadSigningKey(config.jwt.privateKeyPem);
  const logger = deps.logger;
  const db = createPrismaClient(config.databaseUrl);
  // The audit sink, and this database's sealer (one elected among all service processes).
  const auditTrail = startAuditTrail(config.databaseUrl, { logger });
  const cores = availableParallelism();
  const loginThrottle = { ...DEFAULT_LOGIN_THROTTLE, ...config.loginThrottle };
  const throttle = new PrismaLoginThrottleRepository(db);
  const pruner = startPruning(throttle, loginThrottle, logger);
  try {
    const handlers = createIdentityHandlers(
      {
        users: new PrismaUserRepository(db),
        sessions: new PrismaSessionRepository(db),
        clientApps: new PrismaClientAppRepository(db),
        throttle,
        loginThrottle,
        hashing: createPasswordHashing({ concurrency: cores, queueLimit: 4 * cores, ...config.hashing }),
        accessTokens: {
          privateKey,
          keyId: config.jwt.keyId,
          issuer: config.jwt.issuer,
          audience: config.jwt.audience,
          ttlSeconds: config.jwt.accessTokenTtlSeconds,
        },
        refreshTokenTtlSeconds: config.jwt.refreshTokenTtlSeconds,
        decoyPasswordHash: decoyPasswordHash(),
      },
      { internalSecret: config.internalSecret, logger },
    );
    const server = await startGrpcServer({
      services: [
        { name: IDENTITY_SERVICE_NAME, definition: identityProto.IdentityService.service, implementation: handlers },
        // The audit trail is read here: identity and access answer "who saw what".
        {
          name: AUDIT_SERVICE_NAME,
          definition: auditProto.AuditService.service,
          implementation: createAuditHandlers({ list: (filter, page) => listAccessRecords(db, filter, page), verify: () => verifyAuditChain(db) }, auditTrail.sink, {
            internalSecret: config.internalSecret,
            logger,
          }),
        },
      ],
      port: config.port,
      host: config.host,
      logger,
    });
    return {
      port: server.port,
      async close() {
        clearInterval(pruner);
        await server.close();
        await auditTrail.stop();
        await db.$disconnect();
      },
    };
  } catch (error) {
    clearInterval(pruner);
    await auditTrail.stop();
    await db.$disconnect();
    throw error;
  }
}
