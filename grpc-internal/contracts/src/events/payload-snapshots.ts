/** Where the committed payload snapshots live, and reading them (Node only: tests and scripts). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonSchemaNode } from './payload-version.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'payload-schemas');

/**
 * The snapshot file of one payload version of a contract.
 * @param contract - the contract's name (event-contracts.ts: appointment-event, clinical-event)
 * @param version - the payload version
 */
export function snapshotPath(contract: string, version: number): string {
  return path.join(dir, `${contract}.v${version}.json`);
}

/**
 * Every committed snapshot of a contract, by version.
 * @param contract - the contract's name
 */
export function readSnapshots(contract: string): Map<number, JsonSchemaNode> {
  const snapshots = new Map<number, JsonSchemaNode>();
  const stem = `${contract}.v`;
  for (const name of readdirSync(dir)) {
    const version = name.startsWith(stem) && name.endsWith('.json') ? name.slice(stem.length, -'.json'.length) : '';
    if (/^\d+$/.test(version)) snapshots.set(Number(version), JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as JsonSchemaNode);
  }
  return snapshots;
}
