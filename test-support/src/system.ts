/**
 * The whole spine in one test process, every hop real: PostgreSQL (the run's fresh database),
 * gRPC services on real sockets, subgraphs over HTTP, and the router with real ES256 JWTs.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createPrismaClient } from '@hospital/db';
import { createLogger, hashPassword, HASHING_BUSY_MESSAGE, serveProcessMetrics, type RoleName } from '@hospital/service-kit';
import { DEFAULT_SUPERGRAPH_PATH, LOAD_SHED_MESSAGE, startRouter, type RouterConfig } from '@hospital/router';
import type { PersistedOperations } from '@hospital/router';
import { DEPARTMENTS } from './departments/index.ts';
import type { RunningSubgraphHandle, StartContext } from './departments/department.ts';

/** Refusals that mean "come back after Retry-After", not an answer to the operation. */
const BUSY_MESSAGES = new Set([LOAD_SHED_MESSAGE, HASHING_BUSY_MESSAGE]);
/** Attempts of one operation before its last refusal is returned. */
const BUSY_ATTEMPTS = 6;

const HOST = '127.0.0.1';
const SUPERGRAPH = DEFAULT_SUPERGRAPH_PATH;

/** A GraphQL response as the router sends it. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  /** The router-minted request id (response header `x-request-id`), as the audit trail records it. */
  requestId?: string;
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** A running system and helpers to talk to it. */
export interface TestSystem {
  routerUrl: string;
  /** The process's `/metrics` page (every component runs in this one process, so one page has them all). */
  metricsUrl: string;
  /** Subgraph GraphQL endpoints by department. */
  subgraphUrls: Record<string, string> & { identity: string; patients: string };
  /** host:port of each gRPC service by department. */
  grpcTargets: Record<string, string> & { identity: string; patients: string };
  jwt: { privateKeyPem: string; publicKeyPem: string; keyId: string; issuer: string; audience: string };
  internalSecret: string;
  /** One account per role, unique to this system instance. */
  accounts: Record<RoleName, { id: string; email: string; password: string }>;
  /** Sends an operation to the router. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Signs in through the router and returns the access token. */
  tokenFor(role: RoleName): Promise<string>;
  /** Stops one subgraph (its sockets close); the router keeps running. */
  stopSubgraph(name: string): Promise<void>;
  /** Starts a stopped subgraph again on the port it had, so the router's URL still reaches it. */
  startSubgraph(name: string): Promise<void>;
  /** Open subscriptions of a subgraph that has them (0 otherwise). */
  activeSubscriptions(name: string): number;
  close(): Promise<void>;
}

/**
 * Starts services, subgraphs and router on free ports against the given database.
 * @param databaseUrl - the test run's database
 * @param options - production mode (masked errors, no Sandbox); where every component's log lines go;
 *   browser origins the router's WebSocket endpoint accepts (none by default); the persisted-operation
 *   safelist and its mode; the abuse limits (cost, rate limits and their store, trusted proxies); how
 *   often the router polls identity for token revocations
 */
export async function startTestSystem(
  databaseUrl: string,
  options: {
    production?: boolean;
    logDestination?: { write(line: string): void };
    allowedOrigins?: string[];
    /** The router's persisted-operation safelist (default: off). */
    persistedOperations?: PersistedOperations;
    /** The router's API explorer (default: on outside production, as the router decides). */
    explorer?: boolean;
    /** Appointment events over the run's Kafka broker (default); false for PostgreSQL (benchmarks run outside vitest). */
    kafka?: boolean;
    /** The router's cost limit, rate limits (store included) and trusted proxies (router defaults otherwise). */
    abuseLimits?: Pick<RouterConfig, 'maxOperationCost' | 'rateLimits' | 'rateLimitStore' | 'trustProxy' | 'proxySecret'>;
    /** How often the router polls identity for token revocations (default 250 ms). */
    revocationPollMs?: number;
    /** The web app's consent screen URL: the router then serves the authorization code flow (off by default). */
    oauthConsentUrl?: string;
    /** Patients stops registrations of possible duplicates (default off: fixtures reuse names and birth dates). */
    possibleDuplicateCheck?: boolean;
  } = {},
): Promise<TestSystem> {
  const production = options.production ?? false;
  const logger = options.logDestination ? createLogger('e2e', 'info', options.logDestination) : createLogger('e2e', 'silent');
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const jwt = { privateKeyPem: privateKey, publicKeyPem: publicKey, keyId: 'test-key', issuer: 'hospital-identity', audience: 'hospital-api' };
  const internalSecret = randomBytes(32).toString('base64url');
  const closers: Array<() => Promise<void>> = [];
  const metrics = await serveProcessMetrics('test-system', 0, { host: HOST });
  closers.push(() => metrics.close());

  const accounts = await createAccounts(databaseUrl);

  const ctx: StartContext = {
    databaseUrl,
    internalSecret,
    logger,
    production,
    jwt,
    grpcTargets: {},
    kafka: options.kafka ?? true,
    possibleDuplicateCheck: options.possibleDuplicateCheck ?? false,
  };
  for (const department of DEPARTMENTS) {
    const service = await department.startService(ctx);
    closers.push(() => service.close());
    ctx.grpcTargets[department.name] = `${HOST}:${service.port}`;
  }
  const subgraphUrls: Record<string, string> = {};
  // The running subgraph of each department, or undefined while a test has it stopped.
  const subgraphs = new Map<string, RunningSubgraphHandle | undefined>();
  for (const department of DEPARTMENTS) {
    const subgraph = await department.startSubgraph(ctx, ctx.grpcTargets[department.name]!);
    subgraphs.set(department.name, subgraph);
    closers.push(async () => {
      await subgraphs.get(department.name)?.close();
      subgraphs.set(department.name, undefined);
    });
    subgraphUrls[department.name] = subgraph.url;
  }
  const stopSubgraph = async (name: string) => {
    await subgraphs.get(name)?.close();
    subgraphs.set(name, undefined);
  };
  const restartSubgraph = async (name: string) => {
    const department = DEPARTMENTS.find((d) => d.name === name);
    const url = subgraphUrls[name];
    if (!department || !url || subgraphs.get(name)) throw new Error(`subgraph ${name} is unknown or running`);
    const subgraph = await department.startSubgraph(ctx, ctx.grpcTargets[name]!, Number(new URL(url).port));
    subgraphs.set(name, subgraph);
    if (subgraph.url !== url) throw new Error(`the ${name} starter ignores the port: restart is not supported`);
  };
  const router = await startRouter(
    {
      port: 0,
      host: HOST,
      supergraphSdl: readFileSync(SUPERGRAPH, 'utf8'),
      subgraphUrls,
      internalSecret,
      jwt: { keys: [{ keyId: jwt.keyId, publicKeyPem: jwt.publicKeyPem }], issuer: jwt.issuer, audience: jwt.audience },
      // Polled often, so a revocation shows within a test's patience.
      tokenRevocation: { identityGrpcTarget: ctx.grpcTargets['identity']!, pollIntervalMs: options.revocationPollMs ?? 250 },
      refusalAudit: { identityGrpcTarget: ctx.grpcTargets['identity']! },
      oauth: { identityGrpcTarget: ctx.grpcTargets['identity']!, originPollMs: 250, consentUrl: options.oauthConsentUrl || undefined },
      production,
      allowedOrigins: options.allowedOrigins,
      persistedOperations: options.persistedOperations,
      explorer: options.explorer,
      ...options.abuseLimits,
    },
    { logger },
  );
  closers.push(() => router.close());
  const routerUrl = `http://${HOST}:${router.port}/graphql`;

  const send = async (query: string, variables?: Record<string, unknown>, token?: string, headers: Record<string, string> = {}): Promise<GraphQLResponse<never>> => {
    const response = await fetch(routerUrl, {
      method: 'POST',
      // eslint-disable-next-line house/conditional-spread -- an HTTP header set to undefined is sent as the text "undefined"
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
    const requestId = response.headers.get('x-request-id');
    return { status: response.status, requestId: requestId || undefined, ...body } as GraphQLResponse<never>;
  };
  // A client honouring Retry-After: a request shed for load (or a sign-in refused while hashing is
  // saturated) is sent again after the delay it names. A loaded CI machine otherwise failed tests
  // that never meant to measure load; tests of the refusals themselves send raw requests.
  const gql: TestSystem['gql'] = async (query, variables, token, headers) => {
    for (let attempt = 1; ; attempt += 1) {
      const result = await send(query, variables, token, headers);
      const refusal = result.errors?.[0];
      const busy = refusal && BUSY_MESSAGES.has(refusal.message);
      if (!busy || attempt === BUSY_ATTEMPTS) return result;
      const seconds = Number(refusal.extensions?.['retryAfterSeconds'] ?? 1);
      await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(seconds, 0.1), 2) * 1_000));
    }
  };

  const tokens = new Map<RoleName, string>();
  const tokenFor = async (role: RoleName) => {
    const cached = tokens.get(role);
    if (cached) return cached;
    const { email, password } = accounts[role];
    const result = await gql<{ login: { accessToken: string } }>(
      'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email, password },
    );
    const token = result.data?.login.accessToken;
    if (!token) throw new Error(`login as ${role} failed: ${JSON.stringify(result.errors)}`);
    tokens.set(role, token);
    return token;
  };

  return {
    routerUrl,
    metricsUrl: `http://${HOST}:${metrics.port}/metrics`,
    subgraphUrls: subgraphUrls as TestSystem['subgraphUrls'],
    grpcTargets: ctx.grpcTargets as TestSystem['grpcTargets'],
    jwt,
    internalSecret,
    accounts,
    gql,
    tokenFor,
    stopSubgraph,
    startSubgraph: restartSubgraph,
    activeSubscriptions: (name) => subgraphs.get(name)?.activeSubscriptions?.() ?? 0,
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}

async function createAccounts(databaseUrl: string): Promise<TestSystem['accounts']> {
  const db = createPrismaClient(databaseUrl);
  const suffix = randomUUID().slice(0, 8);
  const password = `test-password-${suffix}`;
  const passwordHash = await hashPassword(password);
  const roles: RoleName[] = ['admin', 'doctor', 'pharmacist', 'finance', 'ward_staff'];
  try {
    const entries = await Promise.all(
      roles.map(async (role) => {
        const email = `${role.replace('_', '-')}-${suffix}@test.hospital.local`;
        const user = await db.user.create({ data: { email, displayName: `Test ${role}`, role, passwordHash } });
        return [role, { id: user.id, email, password }] as const;
      }),
    );
    return Object.fromEntries(entries) as TestSystem['accounts'];
  } finally {
    await db.$disconnect();
  }
}
