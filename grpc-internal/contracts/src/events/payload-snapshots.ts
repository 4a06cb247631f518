/** Where the committed payload snapshots live, and reading them (Node only: tests and scripts). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonSchemaNode } from './payload-version.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'payload-schemas');

/**
 * The snapshot file of one payload version.
 * @param version - the payload version
 */
export function snapshotPath(version: number): string {
  return path.join(dir, `appointment-event.v${version}.json`);
}

/** Every committed snapshot, by version. */
export function readSnapshots(): Map<number, JsonSchemaNode> {
  const snapshots = new Map<number, JsonSchemaNode>();
  for (const name of readdirSync(dir)) {
    const match = /^appointment-event\.v(\d+)\.json$/.exec(name);
    if (match) snapshots.set(Number(match[1]), JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as JsonSchemaNode);
  }
  return snapshots;
}
