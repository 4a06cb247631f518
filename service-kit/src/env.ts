/**
 * Environment parsing: each runnable's env.ts declares a zod object; parseEnv reports every
 * problem at once. Only main.ts files call it with process.env.
 */
import { z } from 'zod';
import { isTimeZone, TIME_ZONE_HINT } from '@hospital/grpc-contracts/time-zone';

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
  const secret = result.success ? (result.data as Record<string, unknown> | undefined)?.['INTERNAL_SECRET'] : secretDefaultOf(schema, cleaned);
  const problems = cleaned['NODE_ENV'] === 'production' ? productionSecretProblems(secret) : [];
  if (result.success && problems.length === 0) return result.data;
  const issues = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new EnvError([...issues, ...problems]);
}

/** The rule of a TCP port: an integer 0..65535. */
const tcpPort = () => z.coerce.number().int().min(0).max(65535);

/**
 * A TCP port (0 lets the OS pick, useful in tests); without a fallback the variable is optional
 * and stays undefined when unset.
 * @param fallback - the default
 */
export function port(fallback: number): z.ZodDefault<ReturnType<typeof tcpPort>>;
export function port(): z.ZodOptional<ReturnType<typeof tcpPort>>;
export function port(fallback?: number) {
  return fallback === undefined ? tcpPort().optional() : tcpPort().default(fallback);
}

/** Log level shared by every runnable (LOG_LEVEL). */
export const logEnv = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

/** Secrets of the public development defaults start so; none may be used in production. */
const DEV_SECRET_PREFIX = 'dev-only-';

/** The internal secret shared by router, subgraphs and services (INTERNAL_SECRET). */
export const internalSecretEnv = {
  INTERNAL_SECRET: z.string().min(32, 'must be at least 32 characters').default(`${DEV_SECRET_PREFIX}internal-secret-change-me-in-production`),
};

/**
 * The production rule every runnable obeys because it lives in parseEnv, not in each schema (a
 * schema that forgot it would run a hospital on a secret printed in this file): with
 * NODE_ENV=production, the INTERNAL_SECRET a runnable would use must not be a development value.
 * @param secret - the parsed INTERNAL_SECRET (undefined when the runnable reads none)
 */
function productionSecretProblems(secret: unknown): string[] {
  if (typeof secret !== 'string' || !secret.startsWith(DEV_SECRET_PREFIX)) return [];
  return ['INTERNAL_SECRET: must be set to a real secret in production (the default is the public development secret)'];
}

/**
 * The INTERNAL_SECRET a schema that failed on other variables would have used, so one run
 * reports every problem.
 */
function secretDefaultOf(schema: z.ZodType, env: Record<string, string | undefined>): unknown {
  if (env['INTERNAL_SECRET'] !== undefined) return env['INTERNAL_SECRET'];
  const field = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>)['INTERNAL_SECRET'] : undefined;
  const parsed = field?.safeParse(undefined);
  return parsed?.success ? parsed.data : undefined;
}

/**
 * The port of a service's `/metrics` page (METRICS_PORT): unset (the default) or 0, not served.
 * Every service's env.ts spreads it, so a bad value is reported with the other variables; the
 * router's is ROUTER_METRICS_PORT in its own env.ts.
 */
export const metricsEnv = {
  METRICS_PORT: port(),
};

/** Database connection (DATABASE_URL). */
export const databaseEnv = {
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
};

/** An IANA time-zone name, checked by the one rule (`@hospital/grpc-contracts/time-zone`). */
export const timeZoneName = () => z.string().refine(isTimeZone, TIME_ZONE_HINT);

/**
 * HOSPITAL_TIME_ZONE: the hospital's one IANA zone, for "today" and every time the dashboards
 * show (web server) and the times in notifications (notifications service). Optional here; the
 * readers fall back to {@link processTimeZone}.
 */
export const hospitalTimeZoneEnv = {
  HOSPITAL_TIME_ZONE: timeZoneName().optional(),
};

/** This process's own zone (TZ, else the system's): what an unset HOSPITAL_TIME_ZONE means. */
export function processTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** NODE_ENV: production masks errors and turns off Sandbox and introspection. */
export const nodeEnv = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
};

/**
 * Runs every reader of a runnable's configuration and returns what each read, or throws one
 * EnvError listing the problems of all of them (each once), so one start names every bad variable.
 * Errors other than EnvError propagate unchanged.
 * @param readers - named readers, e.g. `{ config: () => loadConfig(env), graceMs: () => shutdownGraceMs(env) }`
 */
export function readConfig<R extends Record<string, () => unknown>>(readers: R): { [K in keyof R]: ReturnType<R[K]> } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, read] of Object.entries(readers)) {
    try {
      values[name] = read();
    } catch (error) {
      if (!(error instanceof EnvError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new EnvError([...new Set(problems)]);
  return values as { [K in keyof R]: ReturnType<R[K]> };
}

/** Where {@link loadConfigOrExit} reports a bad configuration (stderr and exit 1 unless a test says otherwise). */
export interface InvalidConfigExit {
  report(text: string): void;
  exit(code: number): never;
}

const processExit: InvalidConfigExit = {
  report: (text) => console.error(text),
  exit: (code) => process.exit(code),
};

/**
 * The first step of every `main.ts`: reads the whole configuration (see {@link readConfig}) before
 * anything is started or bound. A bad configuration is the operator's to fix, so it is printed as
 * the plain "Invalid configuration:" list, without a stack trace, and the process exits with code 1.
 * @param readers - named readers of the configuration
 * @param onInvalid - where to report and how to stop (default: stderr, `process.exit`)
 */
export function loadConfigOrExit<R extends Record<string, () => unknown>>(readers: R, onInvalid: InvalidConfigExit = processExit): { [K in keyof R]: ReturnType<R[K]> } {
  try {
    return readConfig(readers);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    onInvalid.report(error.message);
    return onInvalid.exit(1);
  }
}
