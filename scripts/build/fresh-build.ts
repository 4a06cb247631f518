/**
 * For tests that run dist/: builds it when it is missing or older than a source file, one build at
 * a time across test processes (a lock directory), so parallel test files share one fresh dist/.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A build lock older than this was left by a killed build. */
const STALE_LOCK_MS = 5 * 60_000;

/** Source folders whose files end up in dist/. */
const SOURCE_DIRS = [
  'scripts/hospital.ts',
  'scripts/hospital',
  'scripts/build',
  'grpc-internal',
  'service-kit',
  'subgraphs',
  'router/src',
  'router/explorer-ui',
  'router/supergraph.graphql',
  'web/server',
  'web/src',
  'prisma/src',
  'prisma/migrations',
  'prisma/tools',
];

/** Newest modification time (ms) of the files below `entry`, ignoring node_modules and tests. */
async function newestMtime(entry: string): Promise<number> {
  const info = await stat(entry).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return /\.test\.ts$/.test(entry) ? 0 : info.mtimeMs;
  let newest = 0;
  for (const child of await readdir(entry)) {
    if (child === 'node_modules' || child === 'dist') continue;
    newest = Math.max(newest, await newestMtime(path.join(entry, child)));
  }
  return newest;
}

async function isFresh(root: string): Promise<boolean> {
  const built = await stat(path.join(root, 'dist', 'package.json')).catch(() => undefined);
  if (!built) return false;
  const sources = await Promise.all(SOURCE_DIRS.map((dir) => newestMtime(path.join(root, dir))));
  return Math.max(...sources) <= built.mtimeMs;
}

/**
 * Makes sure dist/ is built from the current sources (runs `npm run build`'s script when not).
 * @param root - repository root
 * @param timeoutMs - how long to wait for another process's build
 */
export async function ensureFreshBuild(root: string, timeoutMs = 180_000): Promise<void> {
  const lock = path.join(root, 'node_modules', '.hospital-build.lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      // A lock left by a build that was killed is older than any build takes.
      const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) await rmdir(lock).catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`another build holds ${lock}; remove it if no build runs`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    if (await isFresh(root)) return;
    await run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/build/build.ts')], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  } finally {
    await rmdir(lock);
  }
}
