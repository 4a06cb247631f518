/**
 * Writes the JSON Schema snapshot of each event contract's current payload version
 * (grpc-internal/contracts/src/events/payload-schemas/<contract>.v<N>.json, contracts in
 * event-contracts.ts). Refused when it would rewrite a released version incompatibly: bump the
 * contract's version constant instead.
 *   npm run events:schema
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { EVENT_CONTRACTS } from '../src/events/event-contracts.ts';
import { snapshotPath } from '../src/events/payload-snapshots.ts';
import { incompatibleChanges, payloadJsonSchema, type JsonSchemaNode } from '../src/events/payload-version.ts';

let failed = false;
for (const contract of EVENT_CONTRACTS) {
  const file = snapshotPath(contract.name, contract.version);
  const current = payloadJsonSchema(contract.schema);
  if (existsSync(file)) {
    const incompatible = incompatibleChanges(JSON.parse(readFileSync(file, 'utf8')) as JsonSchemaNode, current);
    if (incompatible.length > 0) {
      console.error(`${contract.name} version ${contract.version} is released; these changes need a new version (bump ${contract.versionConstant}):`);
      for (const change of incompatible) console.error(`  - ${change}`);
      failed = true;
      continue;
    }
  }
  writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
  console.log(`Wrote ${file}.`);
}
if (failed) process.exit(1);
