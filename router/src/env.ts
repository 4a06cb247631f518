/**
 * Router configuration from the environment (only main.ts passes process.env in).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { internalSecretEnv, logEnv, nodeEnv, parseEnv, port, type LevelWithSilent } from '@hospital/service-kit';
import type { RouterConfig } from './router.ts';
import { SUBGRAPHS, subgraphUrlEnvName } from './subgraph-list.ts';

/** The committed supergraph, next to this package's src/. */
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../supergraph.graphql');

/** The secret internalSecretEnv falls back to; never acceptable in production. */
const DEV_SECRET_PREFIX = 'dev-only-';

const staticShape = {
  ROUTER_PORT: port(4000),
  ROUTER_HOST: z.string().min(1).default('0.0.0.0'),
  ROUTER_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  SUPERGRAPH_PATH: z.string().min(1).default(DEFAULT_SUPERGRAPH_PATH),
  // Deployments pass PEMs through single-line variables with literal "\n" escapes.
  JWT_PUBLIC_KEY: z
    .string({ error: 'is required (PEM of the identity service public key)' })
    .transform((pem) => pem.replace(/\\n/g, '\n'))
    .refine((pem) => pem.includes('-----BEGIN PUBLIC KEY-----'), 'must be a PEM public key (-----BEGIN PUBLIC KEY-----)'),
  JWT_KEY_ID: z.string().min(1).default('hospital-1'),
  // Browser origins that may open the WebSocket endpoint: the web app and Sandbox by default.
  ROUTER_ALLOWED_ORIGINS: z
    .string()
    .default('http://localhost:3000,http://127.0.0.1:3000,http://localhost:4000,https://sandbox.embed.apollographql.com,https://studio.apollographql.com')
    .transform((list) => list.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).max(1000).default(20),
  WS_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).max(1000).default(10),
  JWT_ISSUER: z.string().min(1).default('hospital-identity'),
  JWT_AUDIENCE: z.string().min(1).default('hospital-api'),
  ...internalSecretEnv,
  ...logEnv,
  ...nodeEnv,
};
type StaticEnv = z.infer<z.ZodObject<typeof staticShape>>;

/** SUBGRAPH_<NAME>_URL overrides, one optional URL per known subgraph. */
const urlShape: Record<string, z.ZodOptional<z.ZodURL>> = Object.fromEntries(
  SUBGRAPHS.map((s) => [subgraphUrlEnvName(s.name), z.url({ protocol: /^https?$/ }).optional()]),
);

const envSchema = z.object({ ...staticShape, ...urlShape }).superRefine((env, ctx) => {
  const secret = env['INTERNAL_SECRET'];
  if (env['NODE_ENV'] === 'production' && typeof secret === 'string' && secret.startsWith(DEV_SECRET_PREFIX)) {
    ctx.addIssue({ code: 'custom', path: ['INTERNAL_SECRET'], message: 'must be set to a real secret in production' });
  }
});

/** The router's configuration plus what main.ts needs to build it. */
export interface LoadedConfig {
  /** Everything except the supergraph text, which main.ts reads from `supergraphPath`. */
  router: Omit<RouterConfig, 'supergraphSdl'>;
  supergraphPath: string;
  logLevel: LevelWithSilent;
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
      jwt: { publicKeyPem: env.JWT_PUBLIC_KEY, keyId: env.JWT_KEY_ID, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE },
      production: env.NODE_ENV === 'production',
      bodyLimitBytes: env.ROUTER_BODY_LIMIT_BYTES,
      allowedOrigins: env.ROUTER_ALLOWED_ORIGINS,
      wsLimits: {
        subscriptionsPerConnection: env.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION,
        connectionsPerUser: env.WS_MAX_CONNECTIONS_PER_USER,
      },
    },
    supergraphPath: env.SUPERGRAPH_PATH,
    logLevel: env.LOG_LEVEL,
  };
}
