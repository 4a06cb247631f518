/**
 * Router configuration from the environment (only main.ts passes process.env in).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { grpcTargetsEnv, httpServerLimitsEnv, httpServerLimitsFrom, internalSecretEnv, logEnv, nodeEnv, parseEnv, port, type LevelWithSilent } from '@hospital/service-kit';
import { parseJwks, type VerificationKey } from './jwks.ts';
import { PERSISTED_OPERATIONS_MODES, type PersistedOperationsMode } from './persisted-operations.ts';
import { DEFAULT_LOAD_SHED_LIMITS } from './admission/steps/load-shed.ts';
import { DEFAULT_MAX_OPERATION_COST } from './operation-cost.ts';
import { parseTrustProxy } from './rate-limit/client-ip.ts';
import { DEFAULT_RATE_LIMITS } from './rate-limit/rate-limiter.ts';
import type { RouterConfig } from './router.ts';
import { SUBGRAPHS, subgraphUrlEnvName } from './subgraph-list.ts';

/** The committed supergraph, next to this package's src/. */
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../supergraph.graphql');

/** The web app's operation safelist, written by `npm run codegen` (repository checkout layout). */
export const DEFAULT_PERSISTED_MANIFEST_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/src/gql/persisted-documents.json');

const staticShape = {
  ROUTER_PORT: port(4000),
  ROUTER_HOST: z.string().min(1).default('0.0.0.0'),
  ROUTER_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  SUPERGRAPH_PATH: z.string().min(1).default(DEFAULT_SUPERGRAPH_PATH),
  // Unset: decided by NODE_ENV (see persistedOperationsMode).
  ROUTER_PERSISTED_OPERATIONS: z.enum(PERSISTED_OPERATIONS_MODES).optional(),
  ROUTER_PERSISTED_OPERATIONS_MANIFEST: z.string().min(1).default(DEFAULT_PERSISTED_MANIFEST_PATH),
  // The trusted verification keys by kid, as a JWKS; during a rotation it holds both keys.
  JWT_PUBLIC_KEYS: z
    .string()
    .transform((text, ctx) => {
      try {
        return parseJwks(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .optional(),
  // One more key, under JWT_KEY_ID. Deployments pass PEMs through single-line variables with literal "\n" escapes.
  JWT_PUBLIC_KEY: z
    .string()
    .transform((pem) => pem.replace(/\\n/g, '\n'))
    .refine((pem) => pem.includes('-----BEGIN PUBLIC KEY-----'), 'must be a PEM public key (-----BEGIN PUBLIC KEY-----)')
    .optional(),
  JWT_KEY_ID: z.string().min(1).default('hospital-1'),
  // Browser origins that may open the WebSocket endpoint: the web app and Sandbox by default.
  ROUTER_ALLOWED_ORIGINS: z
    .string()
    .default('http://localhost:3000,http://127.0.0.1:3000,http://localhost:4000,https://sandbox.embed.apollographql.com,https://studio.apollographql.com')
    .transform((list) =>
      list
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  // The router's public base URL (scheme://host[:port]) for the OAuth discovery documents and the
  // token endpoint a client assertion's aud must name; taken from each request when unset.
  ROUTER_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  // The web app's consent screen for apps a clinician launches (authorization code + PKCE); unset: no such flow.
  ROUTER_OAUTH_CONSENT_URL: z.url({ protocol: /^https?$/ }).optional(),
  // The system URI of our MRNs in FHIR Patient.identifier; unset: urn:hospital-system:mrn (as the patients subgraph).
  FHIR_IDENTIFIER_SYSTEM: z.url().optional(),
  // The API explorer at /explorer: unset, on outside production and off in production.
  ROUTER_EXPLORER: z.enum(['true', 'false']).optional(),
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).max(1000).default(20),
  WS_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).max(1000).default(10),
  WS_MAX_CONNECTIONS_PER_APP: z.coerce.number().int().min(1).max(10000).default(50),
  // Load shedding (admission/steps/load-shed.ts): operations in flight (adapted to the latency target), waiting, and the longest wait; 0 in flight turns it off.
  ROUTER_MAX_IN_FLIGHT: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_LOAD_SHED_LIMITS.maxInFlight),
  ROUTER_TARGET_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(DEFAULT_LOAD_SHED_LIMITS.targetLatencyMs),
  ROUTER_MAX_QUEUED: z.coerce.number().int().min(0).max(100_000).default(DEFAULT_LOAD_SHED_LIMITS.maxQueued),
  ROUTER_QUEUE_MAX_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(DEFAULT_LOAD_SHED_LIMITS.queueMaxWaitMs),
  // Abuse limits: operation cost (operation-cost.ts) and rate limits (rate-limit/); 0 turns a budget off.
  ROUTER_MAX_OPERATION_COST: z.coerce.number().int().min(1).default(DEFAULT_MAX_OPERATION_COST),
  ROUTER_RATE_LIMIT_PER_USER: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMITS.perUser),
  ROUTER_RATE_LIMIT_PER_IP: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMITS.perIp),
  ROUTER_RATE_LIMIT_WS_CONNECTS: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMITS.wsConnects),
  ROUTER_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(DEFAULT_RATE_LIMITS.windowSeconds),
  // Set: rate-limit counts shared through Redis by every replica; unset: counted in memory.
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  // Which reverse proxies' X-Forwarded-For names the client: false (default), true, a hop count,
  // or addresses/subnets/loopback/uniquelocal, comma-separated.
  ROUTER_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((text, ctx) => {
      try {
        return parseTrustProxy(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `must be true, false, a hop count or addresses/subnets (${(error as Error).message})` });
        return z.NEVER;
      }
    }),
  // The secret the web server signs X-Forwarded-For with (WEB_PROXY_SECRET there): a proof, not an address, makes a proxy trusted.
  ROUTER_PROXY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Slow clients: header, request and keep-alive timeouts, and open connections per address.
  ...httpServerLimitsEnv('ROUTER'),
  // /metrics on a port of its own, never the public one; unset or 0: not served.
  ROUTER_METRICS_PORT: port(),
  // The identity service, polled for token revocations (deactivated users, changed roles).
  ...grpcTargetsEnv('identity'),
  // How often; a revocation reaches the router within about this long.
  ROUTER_REVOCATION_POLL_MS: z.coerce.number().int().min(200).max(60_000).default(2000),
  JWT_ISSUER: z.string().min(1).default('hospital-identity'),
  JWT_AUDIENCE: z.string().min(1).default('hospital-api'),
  ...internalSecretEnv,
  ...logEnv,
  ...nodeEnv,
};
type StaticEnv = z.infer<z.ZodObject<typeof staticShape>>;

/** SUBGRAPH_<NAME>_URL overrides, one optional URL per known subgraph. */
const urlShape: Record<string, z.ZodOptional<z.ZodURL>> = Object.fromEntries(SUBGRAPHS.map((s) => [subgraphUrlEnvName(s.name), z.url({ protocol: /^https?$/ }).optional()]));

// parseEnv refuses the development INTERNAL_SECRET in production, for every runnable alike.
const envSchema = z
  .object({ ...staticShape, ...urlShape })
  .superRefine((env, ctx) => {
    if (env.JWT_PUBLIC_KEY && env.JWT_PUBLIC_KEYS?.some((k) => k.keyId === env.JWT_KEY_ID)) {
      ctx.addIssue({ code: 'custom', path: ['JWT_KEY_ID'], message: `"${env.JWT_KEY_ID}" is also a kid in JWT_PUBLIC_KEYS` });
    }
  })
  .refine((env) => env.JWT_PUBLIC_KEYS !== undefined || env.JWT_PUBLIC_KEY !== undefined, {
    path: ['JWT_PUBLIC_KEY'],
    message: 'is required, or JWT_PUBLIC_KEYS (the identity service public key)',
    // Checked even when other variables are wrong, so one run reports every problem.
    when: () => true,
  });

/**
 * The trusted keys: every key of JWT_PUBLIC_KEYS plus JWT_PUBLIC_KEY under JWT_KEY_ID.
 * @param env - the parsed variables
 */
function verificationKeys(env: StaticEnv): VerificationKey[] {
  const single = env.JWT_PUBLIC_KEY ? [{ keyId: env.JWT_KEY_ID, publicKeyPem: env.JWT_PUBLIC_KEY }] : [];
  return [...(env.JWT_PUBLIC_KEYS ?? []), ...single];
}

/**
 * The safelist mode: as set, else `enforce-browser` in production, where the web app is the only
 * browser client and ships with its manifest, so nothing else has to run there; else `allow`, so
 * Apollo Sandbox (a browser, sending free-form operations) keeps working in development.
 * @param env - the parsed variables
 */
function persistedOperationsMode(env: StaticEnv): PersistedOperationsMode {
  return env.ROUTER_PERSISTED_OPERATIONS ?? (env.NODE_ENV === 'production' ? 'enforce-browser' : 'allow');
}

/** The router's configuration plus what main.ts needs to build it. */
export interface LoadedConfig {
  /** Everything except the supergraph text, which main.ts reads from `supergraphPath`. */
  router: Omit<RouterConfig, 'supergraphSdl' | 'persistedOperations'>;
  supergraphPath: string;
  /** The safelist mode, and the manifest main.ts reads when the mode is not `off`. */
  persistedOperations: { mode: PersistedOperationsMode; manifestPath: string };
  /** REDIS_URL: main.ts connects the rate-limit store there (and refuses to start without it). */
  redisUrl?: string;
  logLevel: LevelWithSilent;
  /** ROUTER_METRICS_PORT: where main.ts serves /metrics; undefined (unset or 0) for not served. */
  metricsPort?: number;
}

/**
 * Parses the environment, reporting every problem at once.
 * @param source - variables (process.env in main.ts)
 */
export function loadConfig(source: Record<string, string | undefined>): LoadedConfig {
  // The URL keys are built from the subgraph table, so their types are read back by name below.
  const env = parseEnv(envSchema, source) as StaticEnv & Record<string, unknown>;
  const subgraphUrls: Record<string, string> = {};
  for (const { name } of SUBGRAPHS) {
    const url = env[subgraphUrlEnvName(name)];
    if (typeof url === 'string') subgraphUrls[name] = url;
  }
  return {
    router: {
      port: env.ROUTER_PORT,
      host: env.ROUTER_HOST,
      subgraphUrls,
      internalSecret: env.INTERNAL_SECRET,
      jwt: { keys: verificationKeys(env), issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE },
      tokenRevocation: { identityGrpcTarget: env.IDENTITY_GRPC_TARGET, pollIntervalMs: env.ROUTER_REVOCATION_POLL_MS },
      refusalAudit: { identityGrpcTarget: env.IDENTITY_GRPC_TARGET },
      oauth: {
        identityGrpcTarget: env.IDENTITY_GRPC_TARGET,
        publicUrl: env.ROUTER_PUBLIC_URL,
        consentUrl: env.ROUTER_OAUTH_CONSENT_URL,
      },
      fhir: env.FHIR_IDENTIFIER_SYSTEM ? { identifierSystem: env.FHIR_IDENTIFIER_SYSTEM } : undefined,
      production: env.NODE_ENV === 'production',
      explorer: env.ROUTER_EXPLORER === undefined ? env.NODE_ENV !== 'production' : env.ROUTER_EXPLORER === 'true',
      bodyLimitBytes: env.ROUTER_BODY_LIMIT_BYTES,
      allowedOrigins: env.ROUTER_ALLOWED_ORIGINS,
      wsLimits: {
        subscriptionsPerConnection: env.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION,
        connectionsPerUser: env.WS_MAX_CONNECTIONS_PER_USER,
        connectionsPerApp: env.WS_MAX_CONNECTIONS_PER_APP,
      },
      maxOperationCost: env.ROUTER_MAX_OPERATION_COST,
      loadShed: {
        maxInFlight: env.ROUTER_MAX_IN_FLIGHT,
        targetLatencyMs: env.ROUTER_TARGET_LATENCY_MS,
        maxQueued: env.ROUTER_MAX_QUEUED,
        queueMaxWaitMs: env.ROUTER_QUEUE_MAX_WAIT_MS,
      },
      rateLimits: {
        perUser: env.ROUTER_RATE_LIMIT_PER_USER,
        perIp: env.ROUTER_RATE_LIMIT_PER_IP,
        wsConnects: env.ROUTER_RATE_LIMIT_WS_CONNECTS,
        windowSeconds: env.ROUTER_RATE_LIMIT_WINDOW_SECONDS,
      },
      trustProxy: env.ROUTER_TRUST_PROXY,
      proxySecret: env.ROUTER_PROXY_SECRET,
      httpLimits: httpServerLimitsFrom(env, 'ROUTER'),
    },
    supergraphPath: env.SUPERGRAPH_PATH,
    persistedOperations: { mode: persistedOperationsMode(env), manifestPath: env.ROUTER_PERSISTED_OPERATIONS_MANIFEST },
    redisUrl: env.REDIS_URL,
    logLevel: env.LOG_LEVEL,
    // 0 is "not served", as unset.
    metricsPort: env.ROUTER_METRICS_PORT || undefined,
  };
}
