/** The web server's environment: where to listen, where the built app is, where the router is. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { hospitalTimeZoneEnv, httpServerLimitsEnv, httpServerLimitsFrom, logEnv, parseEnv, port, processTimeZone, type HttpServerLimits } from '@hospital/service-kit';

const DEFAULT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

const schema = z.object({
  ...logEnv,
  WEB_PORT: port(3000),
  WEB_HOST: z.string().min(1).default('0.0.0.0'),
  ROUTER_URL: z.url().default('http://localhost:4000/graphql'),
  WEB_DIST_DIR: z.string().min(1).default(DEFAULT_DIST),
  // Signs X-Forwarded-For for the router (its ROUTER_PROXY_SECRET); unset, the router sees this server's address.
  WEB_PROXY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Minutes without a key press, click or touch before a dashboard locks and asks for the password.
  WEB_IDLE_LOCK_MINUTES: z.coerce.number().positive().max(1440).default(15),
  // The hospital's IANA zone for "today" and every time the dashboards show; unset, this server's own.
  ...hospitalTimeZoneEnv,
  ...httpServerLimitsEnv('WEB'),
});

/** Parsed configuration of `server/main.ts`. */
export interface WebEnvConfig {
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  server: { port: number; host: string; distDir: string; graphqlUrl: string; proxySecret?: string; limits: HttpServerLimits; idleLockMinutes: number; timeZone: string };
}

/** Reads the web server's configuration; throws an EnvError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): WebEnvConfig {
  const parsed = parseEnv(schema, env);
  return {
    logLevel: parsed.LOG_LEVEL,
    server: {
      port: parsed.WEB_PORT,
      host: parsed.WEB_HOST,
      distDir: parsed.WEB_DIST_DIR,
      graphqlUrl: parsed.ROUTER_URL,
      proxySecret: parsed.WEB_PROXY_SECRET || undefined,
      limits: httpServerLimitsFrom(parsed, 'WEB'),
      idleLockMinutes: parsed.WEB_IDLE_LOCK_MINUTES,
      timeZone: parsed.HOSPITAL_TIME_ZONE ?? processTimeZone(),
    },
  };
}
