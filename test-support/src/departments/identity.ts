import { startIdentityService } from '@hospital/identity-service';
import { startIdentitySubgraph } from '@hospital/identity-subgraph';
import type { DepartmentStarter } from './department.ts';

/**
 * The sign-in attempts one address may make per window in a test run. Every test file signs in
 * from 127.0.0.1 and their counters share the run's database: the production budget (300) would
 * span the whole run, and files running side by side would throttle each other.
 */
export const TEST_RUN_ADDRESS_LIMIT = 100_000;

/** Identity: users, sessions, token issuing. */
export const identity: DepartmentStarter = {
  name: 'identity',
  startService: (ctx) =>
    startIdentityService(
      {
        port: 0,
        host: '127.0.0.1',
        databaseUrl: ctx.databaseUrl,
        internalSecret: ctx.internalSecret,
        jwt: { ...ctx.jwt, accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600 },
        loginThrottle: { addressLimit: TEST_RUN_ADDRESS_LIMIT },
      },
      { logger: ctx.logger },
    ),
  startSubgraph: (ctx, grpcTarget) =>
    startIdentitySubgraph({ port: 0, host: '127.0.0.1', identityTarget: grpcTarget, internalSecret: ctx.internalSecret, production: ctx.production }, { logger: ctx.logger }),
};
