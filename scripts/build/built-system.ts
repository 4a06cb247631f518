/**
 * The smallest system that answers a signed-in query, started from dist/ with `node`: the identity
 * gRPC service, the identity subgraph and the router (which polls identity for revocations), each
 * on a free port, wired through the same environment variables a deployment sets.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createPrismaClient } from '@hospital/db';
import { hashPassword } from '@hospital/service-kit';
import { freePort } from '@hospital/service-kit';
import { TEST_RUN_ADDRESS_LIMIT } from '@hospital/test-support/departments/identity';
import { startBuilt, type BuiltRunnable } from './built-runnable.ts';

/** The running identity slice. */
export interface BuiltIdentitySystem {
  service: BuiltRunnable;
  subgraph: BuiltRunnable;
  router: BuiltRunnable;
  routerUrl: string;
  grpcTarget: string;
  subgraphUrl: string;
  /** An admin account created for this system. */
  account: { email: string; password: string };
  /** Stops router, subgraph and service (in that order). */
  close(): Promise<void>;
}

/**
 * Creates an admin account and starts service, subgraph and router from dist/.
 * @param root - repository root
 * @param databaseUrl - the database the identity service uses
 * @param extraEnv - variables every runnable gets as well (e.g. SHUTDOWN_GRACE_MS)
 * @param options - routerSubgraphUrl: the subgraph URL the router is given (e.g. a gate in front of it)
 */
export async function startBuiltIdentitySystem(
  root: string,
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
  options: { routerSubgraphUrl?: (subgraphUrl: string) => Promise<string> } = {},
): Promise<BuiltIdentitySystem> {
  const account = await createAdmin(databaseUrl);
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const shared = { INTERNAL_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'info', ...extraEnv };
  const [grpcPort, subgraphPort, routerPort] = [await freePort(), await freePort(), await freePort()];
  const grpcTarget = `127.0.0.1:${grpcPort}`;
  const subgraphUrl = `http://127.0.0.1:${subgraphPort}/graphql`;
  const service = await startBuilt(
    root,
    ['service', 'identity'],
    {
      ...shared,
      DATABASE_URL: databaseUrl,
      LOGIN_ADDRESS_LIMIT: String(TEST_RUN_ADDRESS_LIMIT),
      IDENTITY_GRPC_HOST: '127.0.0.1',
      IDENTITY_GRPC_PORT: String(grpcPort),
      JWT_PRIVATE_KEY: privateKey,
    },
    { tcp: { host: '127.0.0.1', port: grpcPort } },
  );
  const subgraph = await startBuilt(
    root,
    ['subgraph', 'identity'],
    {
      ...shared,
      IDENTITY_SUBGRAPH_HOST: '127.0.0.1',
      IDENTITY_SUBGRAPH_PORT: String(subgraphPort),
      IDENTITY_GRPC_TARGET: grpcTarget,
    },
    { http: `http://127.0.0.1:${subgraphPort}/health` },
  ).catch(async (error: unknown) => {
    await service.stop();
    throw error;
  });
  const router = await startBuilt(
    root,
    ['router'],
    {
      ...shared,
      ROUTER_HOST: '127.0.0.1',
      ROUTER_PORT: String(routerPort),
      JWT_PUBLIC_KEY: publicKey,
      IDENTITY_GRPC_TARGET: grpcTarget,
      SUBGRAPH_IDENTITY_URL: options.routerSubgraphUrl ? await options.routerSubgraphUrl(subgraphUrl) : subgraphUrl,
    },
    { http: `http://127.0.0.1:${routerPort}/health` },
  ).catch(async (error: unknown) => {
    await subgraph.stop();
    await service.stop();
    throw error;
  });
  return {
    service,
    subgraph,
    router,
    routerUrl: `http://127.0.0.1:${routerPort}/graphql`,
    grpcTarget,
    subgraphUrl,
    account,
    async close() {
      for (const runnable of [router, subgraph, service]) await runnable.stop();
    },
  };
}

async function createAdmin(databaseUrl: string): Promise<{ email: string; password: string }> {
  const db = createPrismaClient(databaseUrl);
  const suffix = randomUUID().slice(0, 8);
  const email = `dist-admin-${suffix}@test.hospital.local`;
  const password = `dist-test-password-${suffix}`;
  try {
    await db.user.create({ data: { email, displayName: 'Dist admin', role: 'admin', passwordHash: await hashPassword(password) } });
  } finally {
    await db.$disconnect();
  }
  return { email, password };
}

/**
 * Sends a GraphQL operation to the router.
 * @param url - the router's /graphql
 * @param query - the operation
 * @param variables - its variables
 * @param token - a bearer token
 */
export async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ data?: T; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: 'POST',
    // eslint-disable-next-line house/conditional-spread -- an HTTP header set to undefined is sent as the text "undefined"
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: unknown[] };
}
