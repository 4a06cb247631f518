/** The launcher's (`npm start`) environment: every variable, its default and bounds. */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_DEMO_PASSWORD } from '@hospital/db';
import { parseEnv, port } from '@hospital/service-kit';
import { departmentPortsEnv, departmentPortsFrom, type DepartmentPorts } from './system-layout.ts';

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL');

const schema = (root: string) =>
  z.object({
    DATABASE_URL: postgresUrl.optional(),
    // The owner's URL, for migrations and demo data; DATABASE_URL is then the services' role.
    MIGRATION_DATABASE_URL: postgresUrl.optional(),
    DATA_DIR: z.string().default(path.join(root, '.data')),
    EMBEDDED_PG_PORT: port(54329),
    // Plus <DEPT>_GRPC_PORT, <DEPT>_SUBGRAPH_PORT and <DEPT>_METRICS_PORT per department (system-layout.ts).
    ROUTER_PORT: port(4000),
    // The router's /metrics (its ROUTER_METRICS_PORT; 0: off); the services' are <DEPT>_METRICS_PORT.
    ROUTER_METRICS_PORT: port(9460),
    WEB_PORT: port(3000),
    // The web server's /metrics (its METRICS_PORT; 0: off).
    WEB_METRICS_PORT: port(9468),
    // source: each child through tsx from the sources; dist: `node dist/hospital.js` (run `npm run build` first).
    LAUNCHER_RUNTIME: z.enum(['source', 'dist']).default('source'),
    DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').default(DEFAULT_DEMO_PASSWORD),
    SEED_DEMO_DATA: z.enum(['auto', 'true', 'false']).default('auto'),
    INTERNAL_SECRET: z.string().min(32).optional(),
    JWT_PRIVATE_KEY: z.string().optional(),
    JWT_PUBLIC_KEY: z.string().optional(),
    // A JWKS of public keys for the router (key rotation); children read it from the inherited environment.
    JWT_PUBLIC_KEYS: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  });

/** The launcher's parsed configuration. */
export type LauncherConfig = z.infer<ReturnType<typeof schema>> & {
  /** Ports of each department's service and subgraph. */
  departmentPorts: DepartmentPorts;
};

/**
 * Parses the launcher's environment; throws an EnvError naming every bad variable.
 * @param root - repository root (default DATA_DIR is <root>/.data)
 * @param env - the process environment
 */
export function loadLauncherConfig(root: string, env: Record<string, string | undefined>): LauncherConfig {
  // One parse over both, so every bad variable is reported at once.
  const parsed = parseEnv(schema(root).extend(departmentPortsEnv), env) as z.infer<ReturnType<typeof schema>> & Record<string, unknown>;
  return { ...parsed, departmentPorts: departmentPortsFrom(parsed) };
}
