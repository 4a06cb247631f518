/**
 * Runs the real Prisma CLI from the prisma/ workspace, so prisma.config.ts (wasm schema engine,
 * schema and migrations paths) applies exactly as for `npx prisma …` typed by a developer.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The prisma/ workspace: the CLI's cwd, where prisma.config.ts lives. */
const PRISMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Options shared by the CLI wrappers. */
export interface PrismaCliOptions {
  /** Another migrations folder (tests use a copy with extra migrations); default prisma/migrations. */
  migrationsDir?: string;
  /** Kill the CLI after this long, in ms (default 120 000). */
  timeoutMs?: number;
}

/** How a CLI run ended. */
export interface PrismaCliResult {
  /** Exit code (128 when killed by a signal). */
  code: number;
  /** Combined stdout and stderr. */
  output: string;
}

/**
 * Runs the Prisma CLI with node (no shell, no .bin shim lookup) and collects its output.
 * Rejects only when the CLI cannot be started; a failing command resolves with its exit code.
 * @param args - CLI arguments, e.g. ['migrate', 'deploy']
 * @param databaseUrl - DATABASE_URL for the CLI (prisma.config.ts reads it)
 * @param options - migrations folder and timeout
 */
export function runPrismaCli(args: string[], databaseUrl: string, options: PrismaCliOptions = {}): Promise<PrismaCliResult> {
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('prisma/package.json')), 'build/index.js');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    // No update check or telemetry: machines here reach only the npm registry.
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    NO_COLOR: '1',
  };
  // An inherited PRISMA_MIGRATIONS_DIR must not redirect a call that did not ask for it.
  delete env['PRISMA_MIGRATIONS_DIR'];
  if (options.migrationsDir) env['PRISMA_MIGRATIONS_DIR'] = path.resolve(options.migrationsDir);

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: PRISMA_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not run the Prisma CLI: ${error.message}\n${output}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), output: signal ? `${output}\n(killed by ${signal})` : output });
    });
  });
}
