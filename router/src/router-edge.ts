/**
 * The router's edge services, built once from its configuration: the @auth rule map, token
 * verification with the revocation list, rate limits, the client-address rule, the refusal
 * reporter, the one error formatter, and the admission pipeline every transport calls.
 */
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '@hospital/service-kit';
import { createAdmission, type AdmissionPipeline } from './admission/pipeline.ts';
import { ValidDocumentCache } from './admission/document-cache.ts';
import { createRefusalHook } from './admission/refusal-hook.ts';
import { countRefusal } from './metrics.ts';
import { DEFAULT_LOAD_SHED_LIMITS, LoadShedder } from './admission/steps/load-shed.ts';
import { buildAuthRules, schemaFromSdl, type AuthRules } from './auth-policy.ts';
import { createFormatError } from './format-error.ts';
import { cachedSessionVerifier } from './access-token-cache.ts';
import { createSessionVerifier, type AccessTokenVerifier, type VerifiedSession } from './jwt.ts';
import { DEFAULT_MAX_OPERATION_COST } from './operation-cost.ts';
import { DEFAULT_OPERATION_LIMITS } from './operation-limits.ts';
import type { PersistedOperations } from './persisted-operations.ts';
import { createClientAddressResolver } from './rate-limit/client-ip.ts';
import { MemoryRateLimitStore } from './rate-limit/rate-limit-store.ts';
import { DEFAULT_RATE_LIMITS, RateLimiter } from './rate-limit/rate-limiter.ts';
import { createRefusalReporter, type RefusalReporter } from './refusal-audit.ts';
import { TokenRevocationList } from './revocation/revocation-list.ts';
import { DEFAULT_ANONYMOUS_LIMITS, MAX_TOKENS, type AnonymousLimits, type RouterConfig } from './router-config.ts';

/** What the transports share. */
export interface EdgeServices {
  rules: AuthRules;
  introspection: boolean;
  revocations?: TokenRevocationList;
  verifySession: (authorization: string | undefined) => VerifiedSession;
  rateLimiter: RateLimiter;
  resolveClientAddress: ReturnType<typeof createClientAddressResolver>;
  persisted: PersistedOperations;
  refusals?: RefusalReporter;
  formatError: ReturnType<typeof createFormatError>;
  anonymous: AnonymousLimits;
  admission: AdmissionPipeline;
}

/**
 * Builds the edge services.
 * @param config - the router's configuration
 * @param schema - the gateway's API schema (once loaded)
 * @param logger - the router's logger
 */
export function createEdgeServices(config: RouterConfig, schema: () => GraphQLSchema, logger: Logger): EdgeServices {
  const rules = buildAuthRules(schemaFromSdl(config.supergraphSdl));
  // Fail closed: a supergraph without any @auth/@public means the directives were lost somewhere.
  if (rules.size === 0) throw new Error('The supergraph carries no @auth or @public rules; refusing to start.');
  const revocations = config.tokenRevocation ? new TokenRevocationList() : undefined;
  const isRevoked = revocations ? (userId: string, issuedAt: number, sessionId?: string) => revocations.isRevoked(userId, issuedAt, sessionId) : undefined;
  const introspection = !config.production;
  const rateLimiter = new RateLimiter(
    { ...DEFAULT_RATE_LIMITS, ...config.rateLimits },
    config.rateLimitStore ?? new MemoryRateLimitStore(),
    logger.child({ source: 'rate-limit' }),
  );
  const resolveClientAddress = createClientAddressResolver({ trustProxy: config.trustProxy ?? false, proxySecret: config.proxySecret });
  if (config.trustProxy === true) {
    // Every hop trusted: any client can name any address, in rate limits and the audit trail alike.
    logger.warn('ROUTER_TRUST_PROXY=true believes any X-Forwarded-For; name the proxies (addresses, subnets, loopback) instead');
  }
  const persisted: PersistedOperations = config.persistedOperations ?? { mode: 'off', manifest: new Map() };
  const refusals = config.refusalAudit
    ? createRefusalReporter({ identityTarget: config.refusalAudit.identityGrpcTarget, internalSecret: config.internalSecret, logger: logger.child({ source: 'audit' }) })
    : undefined;
  const anonymous = { ...DEFAULT_ANONYMOUS_LIMITS, ...config.anonymousLimits };
  // Signatures checked once per token; expiry and revocation on every request (access-token-cache.ts).
  const verifySession = cachedSessionVerifier(createSessionVerifier(config.jwt), {
    isRevoked,
    clockToleranceSeconds: config.jwt.clockToleranceSeconds ?? 5,
  });
  const verifyAccessToken: AccessTokenVerifier = (authorization) => verifySession(authorization).caller;
  const admission = createAdmission({
    schema,
    rules,
    introspection,
    verifyAccessToken,
    revocationsLoaded: () => revocations?.loaded ?? true,
    rateLimiter,
    persisted,
    limits: { ...DEFAULT_OPERATION_LIMITS, ...config.operationLimits },
    maxOperationCost: config.maxOperationCost ?? DEFAULT_MAX_OPERATION_COST,
    maxTokens: MAX_TOKENS,
    anonymous,
    validDocuments: new ValidDocumentCache(),
    loadShedder: new LoadShedder({ ...DEFAULT_LOAD_SHED_LIMITS, ...config.loadShed }),
    onRefusal: withRefusalCount(refusals ? createRefusalHook(refusals, logger.child({ source: 'audit' })) : undefined),
    logger: logger.child({ source: 'admission' }),
  });
  return {
    rules,
    introspection,
    revocations,
    verifySession,
    rateLimiter,
    resolveClientAddress,
    persisted,
    refusals,
    formatError: createFormatError({ production: config.production, logger }),
    anonymous,
    admission,
  };
}

/** Counts every refusal for the metrics, then hands it to the audit hook (when there is one). */
function withRefusalCount(hook: ReturnType<typeof createRefusalHook> | undefined): ReturnType<typeof createRefusalHook> {
  return async (state, refusal) => {
    countRefusal(refusal);
    await hook?.(state, refusal);
  };
}
