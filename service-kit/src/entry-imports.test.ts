/**
 * The kit's root entry is transport-neutral (the web server loads it): following its runtime
 * imports (not `import type`, which the compiler erases) never reaches grpc-js or kafkajs; those
 * live behind the /grpc and /kafka entries.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

/** Packages imported at run time by a module and the modules it reaches, from `entry`. */
function runtimePackages(entry: string): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, typeOnly, target] of source.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gm)) {
      if (typeOnly || !target) continue;
      if (target.startsWith('.')) stack.push(path.resolve(path.dirname(file), target));
      else found.set(target, path.relative(import.meta.dirname, file));
    }
  }
  return found;
}

it('the root entry loads neither grpc-js nor kafkajs', () => {
  const packages = runtimePackages(path.resolve(import.meta.dirname, 'index.ts'));
  const transports = [...packages].filter(([name]) => name.startsWith('@grpc/') || name === 'kafkajs');
  expect(transports).toEqual([]);
});

it('the events-env entry (the event-bus variables, for scripts that pass them on) loads neither grpc-js nor kafkajs', () => {
  const packages = runtimePackages(path.resolve(import.meta.dirname, 'events/events-env.ts'));
  const transports = [...packages].filter(([name]) => name.startsWith('@grpc/') || name === 'kafkajs');
  expect(transports).toEqual([]);
});
