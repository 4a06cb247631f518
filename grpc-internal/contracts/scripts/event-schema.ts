/**
 * Writes the JSON Schema snapshot of the appointment event payload's current version
 * (grpc-internal/contracts/src/events/payload-schemas/appointment-event.v<N>.json). Refused when
 * it would rewrite a released version incompatibly: bump APPOINTMENT_EVENT_VERSION instead.
 *   npm run events:schema
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { APPOINTMENT_EVENT_VERSION } from '../src/events/appointment-event.ts';
import { snapshotPath } from '../src/events/payload-snapshots.ts';
import { incompatibleChanges, payloadJsonSchema, type JsonSchemaNode } from '../src/events/payload-version.ts';

const file = snapshotPath(APPOINTMENT_EVENT_VERSION);
const current = payloadJsonSchema();
if (existsSync(file)) {
  const incompatible = incompatibleChanges(JSON.parse(readFileSync(file, 'utf8')) as JsonSchemaNode, current);
  if (incompatible.length > 0) {
    console.error(`Version ${APPOINTMENT_EVENT_VERSION} is released; these changes need a new version (bump APPOINTMENT_EVENT_VERSION):`);
    for (const change of incompatible) console.error(`  - ${change}`);
    process.exit(1);
  }
}
writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
console.log(`Wrote ${file}.`);
