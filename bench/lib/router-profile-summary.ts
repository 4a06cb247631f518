/**
 * Summarises a V8 `.cpuprofile` (node --cpu-prof): the share of sampled time by package or
 * source file (self time), the top functions by self time, and the inclusive share of a few
 * functions named on the command line.
 * `--skip=<s>` leaves out the first seconds (start-up: module loading, compiling TypeScript).
 *   npx tsx bench/lib/router-profile-summary.ts <file.cpuprofile> [--skip=20] [functionName …]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Where a frame's code lives: a package, one of our files, or node's internals. */
function ownerOf(url: string): string {
  if (!url) return '(native/gc/idle)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const ours = /\/work\/main\/(.+)$/.exec(url.replace('file://', ''));
  if (ours) return ours[1]!;
  return url.startsWith('node:') ? url : url.split('/').slice(-2).join('/');
}

const argv = process.argv.slice(2);
const skipSeconds = Number(argv.find((arg) => arg.startsWith('--skip='))?.slice('--skip='.length) ?? 0);
const [file, ...wanted] = argv.filter((arg) => !arg.startsWith('--'));
if (!file) throw new Error('usage: router-profile-summary.ts <file.cpuprofile> [--skip=<s>] [functionName …]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] };
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
if (profile.samples && profile.timeDeltas) {
  // Hit counts again from the samples, only those after the skipped start.
  for (const node of profile.nodes) node.hitCount = 0;
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas![i] ?? 0;
    if (at >= skipSeconds * 1e6) byId.get(id)!.hitCount! += 1;
  });
}
const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
const idle = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
const busy = total - idle;
const pct = (hits: number) => `${((100 * hits) / busy).toFixed(1)} %`;

const byOwner = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const node of profile.nodes) {
  if (node.callFrame.functionName === '(idle)') continue;
  const hits = node.hitCount ?? 0;
  const owner = ownerOf(node.callFrame.url);
  byOwner.set(owner, (byOwner.get(owner) ?? 0) + hits);
  const name = `${node.callFrame.functionName || '(anonymous)'} ${owner}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
}
const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`busy samples ${busy} of ${total} (idle ${pct(idle)} of busy)\n\nself time by package or file:`);
for (const [owner, hits] of top(byOwner, 30)) console.log(`  ${pct(hits).padStart(7)}  ${owner}`);
console.log('\ntop functions by self time:');
for (const [name, hits] of top(byFunction, 30)) console.log(`  ${pct(hits).padStart(7)}  ${name}`);

// Inclusive time of named functions (each sample counted once even under recursion).
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
for (const name of wanted) {
  let hits = 0;
  for (const node of profile.nodes) {
    let at: number | undefined = node.id;
    while (at !== undefined) {
      if (byId.get(at)!.callFrame.functionName === name) {
        hits += node.hitCount ?? 0;
        break;
      }
      at = parent.get(at);
    }
  }
  console.log(`inclusive ${name}: ${pct(hits)}`);
}
