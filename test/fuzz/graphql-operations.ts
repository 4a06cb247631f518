/**
 * Operations generated from the supergraph: one per root query and mutation field, every argument
 * passed as a variable, selecting the leaves of the result two levels down. A field added to the
 * schema is fuzzed without touching the tests. Also arbitraries for the variables (hostile but
 * shaped like the declared type, or any JSON at all) and for broken documents.
 */
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { anyJson, hostileDate, hostileId, hostileInt, hostileNumber, hostileString, hugeString, INJECTIONS, ODDITIES, plausibleText } from './hostile-values.ts';

/** A generated operation for one root field. */
export interface FieldOperation {
  /** "Query.patients", "Mutation.registerPatient". */
  coordinate: string;
  kind: 'query' | 'mutation';
  document: string;
  /** Arbitrary for the operation's variables. */
  variables: fc.Arbitrary<Record<string, unknown>>;
}

/** Leaves of an output type, nested objects `depth` levels further (fields without required arguments only). */
function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const parts = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) parts.push(field.name);
    else if (depth > 0) parts.push(`${field.name} ${selection(field.type, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** Values of a leaf type: hostile, but mostly the right JSON type. */
function leafValue(typeName: string, enumValues: string[] | undefined, ids: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  if (enumValues) return fc.oneof({ arbitrary: fc.constantFrom(...enumValues), weight: 4 }, { arbitrary: hostileString, weight: 1 });
  switch (typeName) {
    case 'Int':
      return fc.oneof({ arbitrary: hostileInt, weight: 4 }, { arbitrary: hostileNumber, weight: 1 });
    case 'Float':
      return hostileNumber;
    case 'Boolean':
      return fc.boolean();
    case 'ID':
      return ids;
    case 'Date':
    case 'DateTime':
      return hostileDate;
    default:
      return fc.oneof({ arbitrary: hostileString, weight: 3 }, { arbitrary: plausibleText, weight: 1 });
  }
}

/**
 * Hostile values for an input type; one in eight is any JSON value (wrong type on purpose),
 * nullable slots are sometimes null or left out.
 * @param type - the declared input type
 * @param ids - values for ID slots
 * @param depth - how deep input objects may still nest
 */
export function inputValue(type: GraphQLInputType, ids: fc.Arbitrary<string> = hostileId, depth = 3): fc.Arbitrary<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- getNullableType's overloads return the nullable union, not GraphQLInputType
  const inner = getNullableType(type) as GraphQLInputType;
  let shaped: fc.Arbitrary<unknown>;
  if (isListType(inner)) {
    shaped = fc.array(inputValue(inner.ofType, ids, depth - 1), { maxLength: 5 });
  } else if (isInputObjectType(inner)) {
    if (depth <= 0) shaped = fc.constant({});
    else {
      const fields = Object.values(inner.getFields());
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const field of fields) record[field.name] = inputValue(field.type, ids, depth - 1);
      // Fields may go missing (required ones too), and unknown ones may come along.
      shaped = fc
        .tuple(fc.record(record, { requiredKeys: [] }), fc.option(fc.dictionary(fc.constantFrom('extra', '__proto__', 'id', 'constructor'), anyJson), { nil: undefined }))
        .map(([value, extra]) => ({ ...value, ...extra }));
    }
  } else if (isEnumType(inner)) {
    shaped = leafValue(
      inner.name,
      inner.getValues().map((v) => v.name),
      ids,
    );
  } else if (isScalarType(inner)) {
    shaped = leafValue(inner.name, undefined, ids);
  } else {
    shaped = anyJson;
  }
  const options: Array<{ arbitrary: fc.Arbitrary<unknown>; weight: number }> = [
    { arbitrary: shaped, weight: 12 },
    { arbitrary: anyJson, weight: 2 },
  ];
  if (!isNonNullType(type)) options.push({ arbitrary: fc.constant(null), weight: 1 });
  return fc.oneof(...options);
}

function operationFor(kind: 'query' | 'mutation', root: GraphQLObjectType, field: GraphQLField<unknown, unknown>, ids: fc.Arbitrary<string>): FieldOperation {
  const declarations = field.args.map((a) => `$${a.name}: ${a.type.toString()}`);
  const args = field.args.map((a) => `${a.name}: $${a.name}`);
  const document =
    `${kind} Fuzz${declarations.length ? `(${declarations.join(', ')})` : ''} ` + `{ ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection(field.type, 2)} }`;
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of field.args) record[arg.name] = inputValue(arg.type, ids);
  return { coordinate: `${root.name}.${field.name}`, kind, document, variables: fc.record(record, { requiredKeys: [] }) };
}

/**
 * One operation per root query and mutation field.
 * @param schema - the API schema (the supergraph's)
 * @param knownIds - ids of real records, mixed into every ID slot
 */
export function rootFieldOperations(schema: GraphQLSchema, knownIds: readonly string[] = []): FieldOperation[] {
  const ids = knownIds.length ? fc.oneof(hostileId, fc.constantFrom(...knownIds)) : hostileId;
  const operations: FieldOperation[] = [];
  for (const [kind, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) operations.push(operationFor(kind, root, field, ids));
  }
  return operations;
}

/** Tokens a GraphQL lexer knows, and some it does not. */
const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '$',
  '!',
  '=',
  '@',
  '...',
  '|',
  '&',
  ',',
  '"',
  '"""',
  '#',
  '\\',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'true',
  'false',
  'null',
  'schema',
  'type',
  'input',
  'extend',
  'patients',
  'patient',
  'registerPatient',
  'bookAppointment',
  'me',
  'login',
  'id',
  'edges',
  'node',
  '__typename',
  '__schema',
  '__type',
  'first',
  'search',
  'input',
  '$x',
  'Int',
  'String',
  'ID!',
  '1',
  '-1',
  '1.5e999',
  '0x10',
  '"a"',
  '"\\u0000"',
  '"\\uD800"',
  '@include(if: true)',
  '@skip(if: $x)',
  '@defer',
  '@auth',
  '…',
  '\u0000',
  '\u00a0',
  ';',
];

/** Random token soup. */
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 60 }).map((t) => t.join(' '));

/**
 * Documents that should fail to parse or validate: token soup, truncated real operations, deep
 * nesting, unknown fields, huge and strange strings, alias and directive floods.
 * @param valid - real documents to cut and mangle
 */
export function brokenDocument(valid: readonly string[]): fc.Arbitrary<string> {
  const truncated = fc.tuple(fc.constantFrom(...valid), fc.double({ min: 0, max: 1, noNaN: true })).map(([doc, at]) => doc.slice(0, Math.floor(doc.length * at)));
  const spliced = fc.tuple(fc.constantFrom(...valid), fc.nat(), fc.constantFrom(...TOKENS, ...INJECTIONS, ...ODDITIES)).map(([doc, at, junk]) => {
    const i = at % (doc.length + 1);
    return doc.slice(0, i) + junk + doc.slice(i);
  });
  const deep = fc
    .tuple(fc.integer({ min: 10, max: 3_000 }), fc.constantFrom('patients', 'me', 'a', 'edges'))
    .map(([n, name]) => `{ ${`${name} { `.repeat(n)}id${' }'.repeat(n)} }`);
  const unknownField = fc
    .tuple(
      fc.constantFrom('query', 'mutation', ''),
      hostileString.filter((s) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(s)).map((s) => s || 'nope'),
    )
    .map(([kind, name]) => `${kind} { ${name}Unknown { id } }`);
  const aliases = fc.integer({ min: 10, max: 2_000 }).map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`);
  const directives = fc.integer({ min: 10, max: 2_000 }).map((n) => `{ me ${'@include(if: true) '.repeat(n)}{ id } }`);
  const hugeLiteral = hugeString.map((s) => `{ patients(search: ${JSON.stringify(s)}) { totalCount } }`);
  const strangeLiteral = hostileString.map((s) => `{ patients(search: "${s}") { totalCount } }`);
  const introspection = fc.constantFrom('{ __schema { types { name } } }', '{ __type(name: "Patient") { fields { name } } }', 'query { __typename }');
  return fc.oneof(tokenSoup, truncated, spliced, deep, unknownField, aliases, directives, hugeLiteral, strangeLiteral, introspection, hostileString);
}
