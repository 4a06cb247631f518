/**
 * What the image's entry point runs for each command (`router`, `subgraph <dept>`, `service
 * <dept>`, `web`, `migrate`, `seed-demo`), as far as configuration goes: that runnable's own
 * env.ts loader, and where the parsed configuration says it listens.
 */
import { z } from 'zod';
import { databaseEnv, logEnv, parseEnv } from '@hospital/service-kit';

/** A runnable's configuration loader and its listening address. */
export interface Runnable {
  /** Calls the runnable's own loadConfig (throws EnvError naming every bad variable). */
  load(env: Record<string, string>): Promise<unknown>;
  /** Where the loaded configuration listens (none for Jobs). */
  listen?(config: unknown): { port: number; host: string };
}

type Loader = { loadConfig(env: Record<string, string | undefined>): unknown };
const root = new URL('../../../', import.meta.url);
const load = (file: string) => async (env: Record<string, string>) => ((await import(/* @vite-ignore */ new URL(file, root).href)) as Loader).loadConfig(env);
const flat = (config: unknown) => config as { port: number; host: string };

/**
 * The runnable behind a container's arguments, or undefined for an unknown command.
 * @param args - e.g. ["service", "ward"]
 */
export function runnableFor(args: string[]): Runnable | undefined {
  const [command, department] = args;
  const dept = department && /^[a-z]+$/.test(department) ? department : undefined;
  switch (command) {
    case 'router':
      return { load: load('router/src/env.ts'), listen: (c) => (c as { router: { port: number; host: string } }).router };
    case 'subgraph':
      return dept ? { load: load(`subgraphs/${dept}/src/env.ts`), listen: flat } : undefined;
    case 'service':
      return dept ? { load: load(`grpc-internal/services/${dept}/src/env.ts`), listen: flat } : undefined;
    case 'web':
      return { load: load('web/server/env.ts'), listen: (c) => (c as { server: { port: number; host: string } }).server };
    case 'migrate':
      // `prisma migrate deploy` reads DATABASE_URL (prisma/prisma.config.ts) and nothing else of ours.
      return { load: async (env) => parseEnv(z.object({ ...databaseEnv, ...logEnv }), env) };
    case 'seed-demo':
      return { load: load('prisma/src/seed/env.ts') };
    default:
      return undefined;
  }
}
