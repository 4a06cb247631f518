/**
 * The event payloads' version check (issue 16), for every contract of event-contracts.ts: the JSON
 * Schema of each released payload version is committed (payload-schemas/<contract>.v<N>.json, from
 * the contract's zod schema), and the schema now must be compatible with the snapshot of the
 * version it claims. Compatible means every reader of that version still reads every event, old or new:
 * only new optional properties may appear. Removing or renaming a property, changing a type or a
 * format, making a property required or optional, and adding or removing an enum value (a reader
 * refuses values it does not know) all need a new version, which consumers refuse (dead-letter
 * topic) until they are taught it.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { EventContract } from './event-contracts.ts';

/** A JSON Schema node, as far as this check reads it. */
export interface JsonSchemaNode {
  [keyword: string]: unknown;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
}

// Words that describe rather than constrain. `pattern` next to `format` is zod's own spelling of
// the format (it changes between zod releases); the format is the contract.
const IGNORED = new Set(['$schema', 'description', 'title', 'examples', 'properties', 'required']);

/**
 * The JSON Schema of a payload as producers write it (zod's input side: `actorId` may be absent).
 * @param schema - the contract's zod schema (or a changed one, in tests)
 */
export function payloadJsonSchema(schema: z.ZodType): JsonSchemaNode {
  return z.toJSONSchema(schema, { io: 'input' }) as JsonSchemaNode;
}

/**
 * The changes from a released payload schema to the current one that a reader of the released
 * version could not take, one line each, by property path.
 * @param released - the committed snapshot
 * @param current - the schema now
 * @param at - the path so far (for recursion)
 */
export function incompatibleChanges(released: JsonSchemaNode, current: JsonSchemaNode, at = '(payload)'): string[] {
  const problems: string[] = [];
  const keywords = new Set([...Object.keys(released), ...Object.keys(current)]);
  for (const keyword of keywords) {
    if (IGNORED.has(keyword) || (keyword === 'pattern' && released.format !== undefined && released.format === current.format)) continue;
    if (!isDeepStrictEqual(released[keyword], current[keyword])) problems.push(`${at}: ${keyword} changed`);
  }
  const before = released.properties ?? {};
  const after = current.properties ?? {};
  const wasRequired = new Set(released.required ?? []);
  const isRequired = new Set(current.required ?? []);
  for (const [name, node] of Object.entries(before)) {
    const path = `${at === '(payload)' ? '' : `${at}.`}${name}`;
    const now = after[name];
    if (!now) {
      problems.push(`${path}: removed`);
      continue;
    }
    if (wasRequired.has(name) !== isRequired.has(name)) problems.push(`${path}: made ${isRequired.has(name) ? 'required' : 'optional'}`);
    problems.push(...incompatibleChanges(node, now, path));
  }
  for (const name of Object.keys(after)) {
    if (!(name in before) && isRequired.has(name)) problems.push(`${at === '(payload)' ? '' : `${at}.`}${name}: added as required`);
  }
  return problems;
}

/** What the check is given. */
export interface PayloadVersionInput {
  /** The contract (its version constant is named in the advice). */
  contract: Pick<EventContract, 'versionConstant'>;
  /** The version producers write (the contract's, or a bumped one in tests). */
  version: number;
  /** The payload schema now ({@link payloadJsonSchema}). */
  current: JsonSchemaNode;
  /** The committed snapshots by version. */
  snapshots: ReadonlyMap<number, JsonSchemaNode>;
}

/**
 * Everything wrong with the payload's version, empty when the contract holds.
 * @param input - version, current schema, snapshots
 */
export function payloadVersionProblems({ contract, version, current, snapshots }: PayloadVersionInput): string[] {
  const how = `bump ${contract.versionConstant}, then \`npm run events:schema\` writes its snapshot`;
  const released = snapshots.get(version);
  if (!released) return [`payload version ${version} has no committed snapshot: run \`npm run events:schema\``];
  const incompatible = incompatibleChanges(released, current);
  if (incompatible.length > 0) return incompatible.map((change) => `${change}: incompatible with version ${version}; ${how}`);
  if (!isDeepStrictEqual(released, current)) return [`the snapshot of version ${version} is out of date (a compatible change): run \`npm run events:schema\``];
  return [];
}
