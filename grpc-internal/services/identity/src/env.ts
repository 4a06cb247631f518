/** Environment of the identity service: its own variables (the shared ones are the kit's grpcServiceEnv). */
import { z } from 'zod';
import { grpcServiceEnvReader, type LevelWithSilent } from '@hospital/service-kit';
import { loadSigningKey } from './domain/tokens.ts';
import { DEFAULT_LOGIN_THROTTLE } from './domain/login-throttle.ts';
import type { IdentityServiceConfig } from './identity-service.ts';

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const shape = {
  // Env files and secret stores often carry a PEM on one line with literal "\n".
  JWT_PRIVATE_KEY: z
    .string()
    .transform((pem) => pem.replace(/\\n/g, '\n'))
    .refine(
      (pem) => {
        try {
          loadSigningKey(pem);
          return true;
        } catch {
          return false;
        }
      },
      { message: 'must be the PEM of an EC P-256 private key' },
    ),
  // The current signing key's kid; the router must already trust it (JWT_PUBLIC_KEYS) before this service signs with it.
  JWT_KEY_ID: z.string().min(1).max(128).default('hospital-1'),
  JWT_ISSUER: z.string().default('hospital-identity'),
  JWT_AUDIENCE: z.string().default('hospital-api'),
  ACCESS_TOKEN_TTL: seconds(900),
  REFRESH_TOKEN_TTL: seconds(1_209_600),
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).default(DEFAULT_LOGIN_THROTTLE.freeFailures),
  LOGIN_MAX_DELAY: seconds(DEFAULT_LOGIN_THROTTLE.maxDelaySeconds),
  LOGIN_ADDRESS_LIMIT: z.coerce.number().int().min(0).default(DEFAULT_LOGIN_THROTTLE.addressLimit),
  LOGIN_ACCOUNT_LIMIT: z.coerce.number().int().min(0).default(DEFAULT_LOGIN_THROTTLE.accountLimit),
  LOGIN_WINDOW: seconds(DEFAULT_LOGIN_THROTTLE.windowSeconds),
  // Unset: as many as the machine has cores, and four waiting per core.
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().positive().optional(),
  PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).optional(),
  PASSWORD_HASH_MAX_WAIT_MS: z.coerce.number().int().positive().default(1_000),
};

/** The service's configuration plus the log level main.ts needs. */
export type IdentityEnvConfig = IdentityServiceConfig & { logLevel: LevelWithSilent };

/** Reads and checks the environment (process.env in main.ts); throws EnvError listing every problem. */
export const loadConfig: (env: Record<string, string | undefined>) => IdentityEnvConfig = grpcServiceEnvReader('identity', shape, (e) => ({
  jwt: {
    privateKeyPem: e.JWT_PRIVATE_KEY,
    keyId: e.JWT_KEY_ID,
    issuer: e.JWT_ISSUER,
    audience: e.JWT_AUDIENCE,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL,
    refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL,
  },
  loginThrottle: {
    freeFailures: e.LOGIN_FREE_FAILURES,
    maxDelaySeconds: e.LOGIN_MAX_DELAY,
    addressLimit: e.LOGIN_ADDRESS_LIMIT,
    accountLimit: e.LOGIN_ACCOUNT_LIMIT,
    windowSeconds: e.LOGIN_WINDOW,
  },
  hashing: {
    // eslint-disable-next-line house/conditional-spread -- spread over the core-count defaults in identity-service.ts: an unset variable must leave the default
    ...(e.PASSWORD_HASH_CONCURRENCY ? { concurrency: e.PASSWORD_HASH_CONCURRENCY } : {}),
    // eslint-disable-next-line house/conditional-spread -- spread over the core-count defaults in identity-service.ts: an unset variable must leave the default
    ...(e.PASSWORD_HASH_QUEUE !== undefined ? { queueLimit: e.PASSWORD_HASH_QUEUE } : {}),
    maxWaitMs: e.PASSWORD_HASH_MAX_WAIT_MS,
  },
}));
