/**
 * The one entry point of every server runnable: `node dist/hospital.js <command>` in production
 * (built by `npm run build`), `npx tsx scripts/hospital.ts <command>` from the sources.
 * Commands: router | subgraph <dept> | service <dept> | web | migrate | seed-demo. Each starts the
 * runnable's own composition root (main.ts), which reads its environment as it always has.
 * An unknown command or department prints the valid ones and exits with code 2.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveCommand } from './hospital/commands.ts';

/** Set to true by scripts/build/build.ts (esbuild `define`); absent when run from the sources. */
declare const __HOSPITAL_BUILT__: boolean | undefined;
const built = typeof __HOSPITAL_BUILT__ !== 'undefined' && __HOSPITAL_BUILT__;

const resolution = resolveCommand(process.argv.slice(2));
if (!resolution.ok) {
  console.error(`hospital: ${resolution.message}`);
  process.exit(2);
}

// Started by a parent with an IPC channel (the local launcher): when that parent dies, even by
// SIGKILL, the channel closes and this process stops the way SIGTERM stops it.
if (process.channel) {
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

const here = path.dirname(fileURLToPath(import.meta.url));
const target = built ? path.join(here, resolution.runnable.bundle) : path.join(here, '..', resolution.runnable.source);
process.title = `hospital ${resolution.key}`;
await import(pathToFileURL(target).href);
