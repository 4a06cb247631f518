/**
 * Every gRPC method of every department, read from the .proto contracts, with an arbitrary of
 * hostile request messages built from each request type's descriptor. A method added to a
 * contract is fuzzed without touching the tests.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import * as protoLoader from '@grpc/proto-loader';
import fc from 'fast-check';
import { PROTO_ROOT } from '@hospital/grpc-contracts';
import { hostileDate, hostileId, hostileLongString, hostileString, plausibleText } from './hostile-values.ts';

/** One method of one service. */
export interface FuzzMethod {
  /** Department folder (= key of the e2e system's grpcTargets). */
  department: string;
  /** "hospital.ward.v1.WardService/AdmitPatient". */
  name: string;
  definition: protoLoader.MethodDefinition<object, object>;
  /** Methods that may write: their rejected calls must leave the database unchanged. */
  writes: boolean;
}

/** Descriptor shapes as @grpc/proto-loader exposes them (the parts read here). */
interface FieldDescriptor {
  name: string;
  label: string;
  type: string;
  typeName: string;
}
interface MessageDescriptor {
  name: string;
  field: FieldDescriptor[];
}
interface EnumDescriptor {
  value: Array<{ name: string; number: number }>;
}

const LOADER_OPTIONS: protoLoader.Options = { longs: String, enums: String, defaults: true, oneofs: true, includeDirs: [PROTO_ROOT] };

/** Method names that only read (everything else counts as a write). */
const READ_ONLY = /^(Get|List|Search|Count|Verify)/;

/** Loads every contract below hospital/<department>/v1/ and lists its methods. */
export function loadFuzzMethods(): { methods: FuzzMethod[]; packages: protoLoader.PackageDefinition } {
  const packages: protoLoader.PackageDefinition = {};
  const methods = new Map<string, FuzzMethod>();
  const root = path.join(PROTO_ROOT, 'hospital');
  for (const department of readdirSync(root).filter((d) => d !== 'common')) {
    for (const file of readdirSync(path.join(root, department, 'v1')).filter((f) => f.endsWith('.proto'))) {
      const definition = protoLoader.loadSync(`hospital/${department}/v1/${file}`, LOADER_OPTIONS);
      Object.assign(packages, definition);
      for (const [serviceName, entry] of Object.entries(definition)) {
        // Services are plain maps of methods; messages and enums carry a `format`.
        if ('format' in entry) continue;
        if (!serviceName.startsWith(`hospital.${department}.`)) continue;
        for (const [methodName, method] of Object.entries(entry)) {
          const name = `${serviceName}/${methodName}`;
          methods.set(name, { department, name, definition: method, writes: !READ_ONLY.test(methodName) });
        }
      }
    }
  }
  return { methods: [...methods.values()].sort((a, b) => a.name.localeCompare(b.name)), packages };
}

/** Finds a referenced type the way protobuf scoping does: nearest enclosing package first. */
function resolve(packages: protoLoader.PackageDefinition, typeName: string, scope: string): protoLoader.AnyDefinition {
  const name = typeName.replace(/^\./, '');
  const parts = scope.split('.');
  for (let i = parts.length; i >= 0; i--) {
    const candidate = [...parts.slice(0, i), name].join('.');
    const found = packages[candidate];
    if (found && 'format' in found) return found;
  }
  throw new Error(`cannot resolve ${typeName} from ${scope}`);
}

const int32 = fc.oneof(
  fc.constantFrom(0, -1, 1, 2, 100, 101, 1_000_000, 2 ** 31 - 1, -(2 ** 31)),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.integer({ min: -100, max: 1_000 }),
);

function stringFor(field: string, ids: fc.Arbitrary<string>): fc.Arbitrary<string> {
  if (/(^id|Id)s?$/.test(field)) return ids;
  if (/(At|On|^from|^to|date|Date)$/.test(field)) return hostileDate;
  if (field === 'currency') return fc.oneof(fc.constantFrom('EUR', 'USD', 'GBP', 'eur', 'XXX', 'EURO', '€', ''), hostileString);
  if (field === 'email')
    return fc.oneof(
      fc.emailAddress(),
      hostileString.map((s) => `${s}@x.test`),
      hostileString,
    );
  return fc.oneof({ arbitrary: hostileString, weight: 3 }, { arbitrary: plausibleText, weight: 1 });
}

function fieldValue(packages: protoLoader.PackageDefinition, field: FieldDescriptor, scope: string, ids: fc.Arbitrary<string>, depth: number): fc.Arbitrary<unknown> {
  let single: fc.Arbitrary<unknown>;
  switch (field.type) {
    case 'TYPE_STRING':
      single = stringFor(field.name, ids);
      break;
    case 'TYPE_INT32':
    case 'TYPE_SINT32':
    case 'TYPE_SFIXED32':
      single = int32;
      break;
    case 'TYPE_UINT32':
    case 'TYPE_FIXED32':
      single = fc.oneof(fc.constantFrom(0, 1, 2 ** 32 - 1), fc.nat());
      break;
    case 'TYPE_INT64':
    case 'TYPE_SINT64':
    case 'TYPE_SFIXED64':
      single = hostileLongString;
      break;
    case 'TYPE_UINT64':
    case 'TYPE_FIXED64':
      single = fc.oneof(fc.constantFrom('0', '18446744073709551615'), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String));
      break;
    case 'TYPE_BOOL':
      single = fc.boolean();
      break;
    case 'TYPE_DOUBLE':
    case 'TYPE_FLOAT':
      single = fc.double();
      break;
    case 'TYPE_BYTES':
      single = fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b));
      break;
    case 'TYPE_ENUM': {
      const values = (resolve(packages, field.typeName, scope).type as EnumDescriptor).value;
      // Proto3 enums are open: numbers nobody declared arrive as numbers.
      single = fc.oneof({ arbitrary: fc.constantFrom(...values.map((v) => v.name)), weight: 4 }, { arbitrary: fc.integer({ min: -3, max: 1_000 }), weight: 1 });
      break;
    }
    case 'TYPE_MESSAGE': {
      const nested = resolve(packages, field.typeName, scope);
      single = depth > 0 ? messageOf(packages, nested.type as MessageDescriptor, scope, ids, depth - 1) : fc.constant({});
      break;
    }
    default:
      throw new Error(`no arbitrary for ${field.type} (${scope}.${field.name})`);
  }
  if (field.label !== 'LABEL_REPEATED') return single;
  return fc.oneof(
    { arbitrary: fc.array(single, { maxLength: 6 }), weight: 8 },
    // Far more ids than any screen asks for.
    { arbitrary: fc.array(single, { minLength: 500, maxLength: 3_000 }), weight: 1 },
  );
}

function messageOf(
  packages: protoLoader.PackageDefinition,
  type: MessageDescriptor,
  scope: string,
  ids: fc.Arbitrary<string>,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of type.field) record[field.name] = fieldValue(packages, field, scope, ids, depth);
  // Any field may be missing: proto3 sends it as its default.
  return fc.record(record, { requiredKeys: [] });
}

/**
 * Hostile requests for a method.
 * @param packages - every loaded definition (to resolve nested types)
 * @param method - the method
 * @param knownIds - ids of real records, mixed into every id field
 */
export function requestArbitrary(packages: protoLoader.PackageDefinition, method: FuzzMethod, knownIds: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const ids = knownIds.length ? fc.oneof(hostileId, fc.constantFrom(...knownIds)) : hostileId;
  const type = method.definition.requestType.type as unknown as MessageDescriptor;
  const scope = method.name.split('/')[0]!.split('.').slice(0, -1).join('.');
  return messageOf(packages, type, scope, ids, 2);
}
