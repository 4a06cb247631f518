/**
 * Integration-test harness: the real identity service on port 0 against the run's test
 * database, a real promise client, and signed caller identities as the router would send them.
 */
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { testJwtSettings } from './test-jwt.ts';
import type { Metadata } from '@grpc/grpc-js';
import { createIdentityClient, type IdentityClient, type Role, type User__Output } from '@hospital/grpc-contracts';
import { createLogger, signIdentity, type Caller, type RequestOrigin, type RoleName } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import { startIdentityService, type IdentityServiceConfig } from '../identity-service.ts';
import { TEST_CALL_DEADLINE_MS } from '@hospital/service-kit/testing';

/** A running service and ways to call it. */
export interface IdentityHarness {
  /** Promise client to the service. */
  client: IdentityClient;
  /** host:port of the service. */
  target: string;
  /** The service's configuration (secret, JWT settings, login throttle). */
  config: IdentityServiceConfig;
  /** Public key matching the signing key. */
  publicKey: KeyObject;
  /**
   * Metadata of a call made as this caller.
   * @param caller - who calls; anonymous by default
   * @param origin - the client address and agent the router would sign
   */
  as(caller?: Caller, origin?: RequestOrigin): Metadata;
  /** Metadata of an admin (who need not exist: the service trusts the router's signature). */
  asAdmin(): Metadata;
  /**
   * Creates a user through CreateUser, with a unique email.
   * @param options - role and password
   */
  createUser(options?: { role?: Role; password?: string; emailPrefix?: string }): Promise<User__Output & { password: string }>;
  /** Stops the client and the service. */
  close(): Promise<void>;
}

/**
 * Starts the identity service for a test file.
 * @param databaseUrl - the run's test database
 * @param overrides - throttling and hashing limits (small thresholds keep tests quick)
 */
export async function startIdentityHarness(
  databaseUrl: string,
  overrides: Pick<IdentityServiceConfig, 'loginThrottle' | 'hashing'> = { loginThrottle: { freeFailures: 3, baseDelaySeconds: 30 } },
): Promise<IdentityHarness> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const config: IdentityServiceConfig = {
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    internalSecret: `test-secret-${randomUUID()}`,
    jwt: testJwtSettings(privateKey),
    ...overrides,
  };
  const service = await startIdentityService(config, { logger: createLogger('identity-service-test', 'silent') });
  const target = `127.0.0.1:${service.port}`;
  const client = createIdentityClient({ target, deadlineMs: TEST_CALL_DEADLINE_MS });
  const as = (caller: Caller = { kind: 'anonymous' }, origin?: RequestOrigin) => callMetadata(signIdentity(caller, config.internalSecret, origin), randomUUID());
  const adminCaller = (role: RoleName = 'admin'): Caller => ({ kind: 'user', userId: randomUUID(), role, email: 'harness-admin@test.local' });
  return {
    client,
    target,
    config,
    publicKey,
    as,
    asAdmin: () => as(adminCaller()),
    async createUser({ role = 'ROLE_DOCTOR', password = 'correct horse battery', emailPrefix = 'user' } = {}) {
      const email = `${emailPrefix}-${randomUUID()}@test.local`;
      const user = await client.createUser({ email, password, displayName: 'Test User', role }, { metadata: as(adminCaller()) });
      return { ...user, password };
    },
    async close() {
      client.close();
      await service.close();
    },
  };
}
