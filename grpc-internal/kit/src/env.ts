/**
 * Environment parsing: each runnable's env.ts declares a zod object; parseEnv reports every
 * problem at once. Only main.ts files call it with process.env.
 */
import { z } from 'zod';

/** Raised with every invalid variable listed. */
export class EnvError extends Error {
  /** @param problems - one line per invalid variable */
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'EnvError';
  }
}

/**
 * Parses an environment against a zod schema.
 * @param schema - the runnable's env schema
 * @param source - the variables (process.env in main.ts, a literal in tests)
 */
export function parseEnv<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  // Empty strings mean "unset", as a shell `VAR= cmd` does.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
}

/** A TCP port (0 lets the OS pick, useful in tests). */
export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** Log level shared by every runnable (LOG_LEVEL). */
export const logEnv = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

/** The internal secret shared by router, subgraphs and services (INTERNAL_SECRET). */
export const internalSecretEnv = {
  INTERNAL_SECRET: z.string().min(32, 'must be at least 32 characters').default('dev-only-internal-secret-change-me-in-production'),
};

/** Database connection (DATABASE_URL). */
export const databaseEnv = {
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
};

/** NODE_ENV: production masks errors and turns off Sandbox and introspection. */
export const nodeEnv = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
};
