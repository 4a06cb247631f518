import { startIdentityService } from '@hospital/identity-service';
import { startIdentitySubgraph } from '@hospital/identity-subgraph';
import type { DepartmentStarter } from './department.ts';

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
        // Every test file signs in from 127.0.0.1: the per-address budget would span the whole run.
        loginThrottle: { addressLimit: 100_000 },
      },
      { logger: ctx.logger },
    ),
  startSubgraph: (ctx, grpcTarget) =>
    startIdentitySubgraph({ port: 0, host: '127.0.0.1', identityTarget: grpcTarget, internalSecret: ctx.internalSecret, production: ctx.production }, { logger: ctx.logger }),
};
