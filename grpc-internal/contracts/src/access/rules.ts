/**
 * The `@auth` / `@public` directives of a schema, read once into a rules table keyed by schema
 * coordinate. Router (edge decisions), subgraph kit (resolver enforcement) and the README role
 * table all read the directives through here. Only `graphql` is imported.
 *
 * Semantics (the SDL's own words): `@auth(requires: [A, B])` admits a caller holding A or B;
 * repeated applications, and a type-level `@auth` on top of a field-level one, must all hold.
 * Root fields need a signed-in user unless marked `@public`; other fields need nothing beyond
 * their `@auth`, because they are only reachable through a root field or `_entities`.
 */
import {
  buildASTSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { roleNameFromEnum, type RoleName } from './roles.ts';

/** Directive names as imported through the hospital auth `@link`. */
export const AUTH_DIRECTIVE = 'auth';
export const PUBLIC_DIRECTIVE = 'public';

/** What one coordinate demands of the caller. */
export interface AccessRule {
  /** Root field callable without signing in (`@public`). */
  public: boolean;
  /** Every inner list must contain the caller's role (AND of ORs); empty means no role demand. */
  requires: RoleName[][];
}

/**
 * Rules by schema coordinate: `Type.field` for fields carrying `@auth` or `@public` (type-level
 * `@auth` folded in), and `Type` for a type-level `@auth` alone. Unannotated fields are absent.
 */
export type AccessRules = ReadonlyMap<string, AccessRule>;

/** Federation plumbing that must stay open: composition tools read a subgraph's SDL through it. */
const OPEN_ROOT_FIELDS = new Set(['_service']);

/**
 * Builds a graphql-js schema from supergraph, subgraph or plain SDL, keeping directive AST nodes.
 * Federation SDL uses directives it never defines (`@key`, `@link`…), so it is not validated.
 * @param sdl - SDL text
 */
export function schemaFromSdl(sdl: string): GraphQLSchema {
  return buildASTSchema(parse(sdl), { assumeValidSDL: true });
}

/**
 * The names of the root types present (Query, Mutation, Subscription).
 * @param schema - any schema
 */
export function rootTypeNames(schema: GraphQLSchema): Set<string> {
  return new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((t) => (t ? [t.name] : [])));
}

/** A field's directives as written, before role names are checked. */
interface RawFieldAuth {
  coordinate: string;
  isRoot: boolean;
  public: boolean;
  requires: string[][];
}

/**
 * Reads the rules table. Throws on an unknown role name, so a typo can never turn into a rule
 * nobody (or everybody) satisfies. An interface field needs what every implementation's field
 * needs, since reading it may return any of them.
 * @param schemaOrSdl - a schema (built from SDL or by `buildSubgraphSchema`), or SDL text
 */
export function readAccessRules(schemaOrSdl: GraphQLSchema | string): AccessRules {
  const schema = typeof schemaOrSdl === 'string' ? schemaFromSdl(schemaOrSdl) : schemaOrSdl;
  const rules = new Map<string, AccessRule>();
  const toRoles = (coordinate: string, sets: string[][]) =>
    sets.map((anyOf) =>
      anyOf.map((name) => {
        const role = roleNameFromEnum(name);
        if (!role) throw new Error(`${coordinate}: @auth names unknown role ${name}`);
        return role;
      }),
    );
  for (const type of annotatableTypes(schema)) {
    const typeRequires = authApplications(directivesOf(type));
    if (typeRequires.length > 0) rules.set(type.name, { public: false, requires: toRoles(type.name, typeRequires) });
  }
  for (const raw of readFieldAuth(schema)) rules.set(raw.coordinate, { public: raw.public, requires: toRoles(raw.coordinate, raw.requires) });
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInterfaceType(type)) continue;
    for (const fieldName of Object.keys(type.getFields())) {
      const coordinate = `${type.name}.${fieldName}`;
      const merged = [...(rules.get(coordinate)?.requires ?? [])];
      for (const impl of schema.getPossibleTypes(type)) merged.push(...(rules.get(`${impl.name}.${fieldName}`)?.requires ?? []));
      if (merged.length > 0) rules.set(coordinate, { public: rules.get(coordinate)?.public ?? false, requires: merged });
    }
  }
  for (const root of rootTypeNames(schema)) {
    for (const name of OPEN_ROOT_FIELDS) {
      const field = schema.getType(root);
      if (isObjectType(field) && field.getFields()[name] && !rules.has(`${root}.${name}`)) rules.set(`${root}.${name}`, { public: true, requires: [] });
    }
  }
  return rules;
}

/**
 * Policy problems that must fail the build: a root field with neither `@auth` nor `@public`
 * (default deny; federation's `_service` aside), `@public` off the root types or combined with
 * `@auth`, and unknown roles.
 * @param schema - the composed supergraph schema
 */
export function findAccessPolicyProblems(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const byCoordinate = new Map(readFieldAuth(schema).map((r) => [r.coordinate, r]));
  for (const rootName of rootTypeNames(schema)) {
    const root = schema.getType(rootName) as GraphQLObjectType;
    for (const fieldName of Object.keys(root.getFields())) {
      const coordinate = `${root.name}.${fieldName}`;
      if (!byCoordinate.has(coordinate) && !OPEN_ROOT_FIELDS.has(fieldName)) {
        problems.push(
          `${coordinate} has neither @auth nor @public; every root field must say who may call it (default deny). ` +
            'Add @public, or @auth(requires: [...]) listing the roles (all five for any signed-in user).',
        );
      }
    }
  }
  for (const raw of byCoordinate.values()) {
    if (raw.public && !raw.isRoot) problems.push(`${raw.coordinate}: @public only applies to Query, Mutation and Subscription fields.`);
    if (raw.public && raw.requires.length > 0) problems.push(`${raw.coordinate} has both @public and @auth; pick one.`);
    for (const name of raw.requires.flat()) {
      if (!roleNameFromEnum(name)) problems.push(`${raw.coordinate}: @auth names unknown role ${name}.`);
    }
  }
  return problems;
}

function annotatableTypes(schema: GraphQLSchema): Array<GraphQLObjectType | GraphQLInterfaceType> {
  return Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType | GraphQLInterfaceType => (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__'),
  );
}

/** Every object/interface field that carries `@auth` or `@public`, with type-level `@auth` folded in. */
function readFieldAuth(schema: GraphQLSchema): RawFieldAuth[] {
  const roots = rootTypeNames(schema);
  const out: RawFieldAuth[] = [];
  for (const type of annotatableTypes(schema)) {
    const typeRequires = authApplications(directivesOf(type));
    for (const field of Object.values(type.getFields())) {
      const fieldDirectives = directivesOf(field);
      const isPublic = fieldDirectives.some((d) => d.name.value === PUBLIC_DIRECTIVE);
      const requires = [...typeRequires, ...authApplications(fieldDirectives)];
      if (!isPublic && requires.length === 0) continue;
      out.push({ coordinate: `${type.name}.${field.name}`, isRoot: roots.has(type.name), public: isPublic, requires });
    }
  }
  return out;
}

function directivesOf(element: GraphQLObjectType | GraphQLInterfaceType | GraphQLField<unknown, unknown>): readonly ConstDirectiveNode[] {
  const own = element.astNode?.directives ?? [];
  const extensions = 'extensionASTNodes' in element ? element.extensionASTNodes.flatMap((n) => n.directives ?? []) : [];
  return [...own, ...extensions];
}

/** Role lists of each `@auth` application; a single enum value counts as a one-element list. */
function authApplications(directives: readonly ConstDirectiveNode[]): string[][] {
  return directives
    .filter((d) => d.name.value === AUTH_DIRECTIVE)
    .map((d) => {
      const value = d.arguments?.find((a) => a.name.value === 'requires')?.value;
      if (value?.kind === Kind.LIST) return value.values.map((v) => (v.kind === Kind.ENUM ? v.value : String(v.kind)));
      if (value?.kind === Kind.ENUM) return [value.value];
      // A malformed @auth must not silently grant access: an empty OR-list is unsatisfiable.
      return [];
    });
}
