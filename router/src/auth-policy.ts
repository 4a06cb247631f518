/**
 * Who may read which field, read from the `@auth(requires: [Role!]!)` and `@public` directives
 * that composition carries into the supergraph (the API schema the gateway serves drops them).
 * One `@auth` is an OR over its roles; repeated applications (type-level and field-level) are ANDed.
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
import { isRole, type RoleName } from '@hospital/service-kit';

/** The access rule of one field. */
export interface FieldRule {
  /** Root field callable without signing in (`@public`). */
  public: boolean;
  /** Every inner list must contain the caller's role (AND of ORs); empty means any signed-in caller. */
  requires: RoleName[][];
}

/** Rules keyed by schema coordinate, e.g. `Patient.allergies`; unannotated fields are absent. */
export type AuthRules = ReadonlyMap<string, FieldRule>;

/** Directive names as imported through the hospital auth `@link`. */
export const AUTH_DIRECTIVE = 'auth';
export const PUBLIC_DIRECTIVE = 'public';

/**
 * Builds a graphql-js schema from supergraph (or plain) SDL, keeping directive AST nodes.
 * @param sdl - supergraph SDL as written by composition
 */
export function schemaFromSdl(sdl: string): GraphQLSchema {
  return buildASTSchema(parse(sdl), { assumeValidSDL: true });
}

/** A field's directives as written, before role names are checked. */
interface RawFieldAuth {
  coordinate: string;
  isRoot: boolean;
  public: boolean;
  requires: string[][];
}

/**
 * Builds the rule map the router enforces. Throws on an unknown role name, so a typo can never
 * turn into a rule nobody (or everybody) satisfies.
 * @param schema - from {@link schemaFromSdl}
 */
export function buildAuthRules(schema: GraphQLSchema): AuthRules {
  const rules = new Map<string, FieldRule>();
  for (const raw of readFieldAuth(schema)) {
    const requires = raw.requires.map((anyOf) =>
      anyOf.map((name) => {
        const role = name.toLowerCase();
        if (!isRole(role)) throw new Error(`${raw.coordinate}: @auth names unknown role ${name}`);
        return role;
      }),
    );
    rules.set(raw.coordinate, { public: raw.public, requires });
  }
  // Interfaces: reading a field through an interface may return any implementation, so it needs
  // everything each implementation's field needs.
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInterfaceType(type)) continue;
    for (const fieldName of Object.keys(type.getFields())) {
      const coordinate = `${type.name}.${fieldName}`;
      const merged = [...(rules.get(coordinate)?.requires ?? [])];
      for (const impl of schema.getPossibleTypes(type)) merged.push(...(rules.get(`${impl.name}.${fieldName}`)?.requires ?? []));
      if (merged.length > 0) rules.set(coordinate, { public: rules.get(coordinate)?.public ?? false, requires: merged });
    }
  }
  return rules;
}

/**
 * Policy problems that must fail the build: a root field with neither `@auth` nor `@public`
 * (default deny), `@public` off the root types or combined with `@auth`, and unknown roles.
 * @param schema - the composed supergraph schema
 */
export function findAuthPolicyProblems(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const byCoordinate = new Map(readFieldAuth(schema).map((r) => [r.coordinate, r]));
  for (const root of rootTypes(schema)) {
    for (const fieldName of Object.keys(root.getFields())) {
      const coordinate = `${root.name}.${fieldName}`;
      if (!byCoordinate.has(coordinate)) {
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
      if (!isRole(name.toLowerCase())) problems.push(`${raw.coordinate}: @auth names unknown role ${name}.`);
    }
  }
  return problems;
}

function rootTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
    (t): t is GraphQLObjectType => t != null,
  );
}

/** Every object/interface field that carries `@auth` or `@public`, with type-level `@auth` folded in. */
function readFieldAuth(schema: GraphQLSchema): RawFieldAuth[] {
  const roots = new Set(rootTypes(schema).map((t) => t.name));
  const out: RawFieldAuth[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(isObjectType(type) || isInterfaceType(type)) || type.name.startsWith('__')) continue;
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

function directivesOf(
  element: GraphQLObjectType | GraphQLInterfaceType | GraphQLField<unknown, unknown>,
): readonly ConstDirectiveNode[] {
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
