/**
 * Which fields an operation touches, and whether a caller may touch all of them. The walk follows
 * named fragments and inline fragments with graphql-js's TypeInfo, so aliases, fragments and
 * abstract types cannot hide a protected field.
 */
import { Kind, TypeInfo, visit, visitWithTypeInfo, type ASTNode, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { decideFieldAccess, rootTypeNames, type AccessRules } from '@hospital/grpc-contracts/access';
import type { Caller } from '@hospital/service-kit';

/** One field selection, by schema coordinate. */
export interface TouchedField {
  /** `Type.field` of the parent type the field is selected on. */
  coordinate: string;
  /** Selected directly on Query, Mutation or Subscription. */
  isRoot: boolean;
}

/** The verdict on a whole operation. */
export type AccessDecision = { allowed: true } | { allowed: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; fields: string[] };

/**
 * Lists every field the operation selects, through all fragments it uses (each visited once).
 * @param schema - the API schema the operation was validated against
 * @param document - the parsed request
 * @param operation - the operation being executed; without one, every operation in the document
 */
export function collectTouchedFields(schema: GraphQLSchema, document: DocumentNode, operation?: OperationDefinitionNode): TouchedField[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const roots = rootTypeNames(schema);

  const touched = new Map<string, TouchedField>();
  const pending: ASTNode[] = operation ? [operation] : document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const queued = new Set<string>();
  while (pending.length > 0) {
    const node = pending.pop() as ASTNode;
    const typeInfo = new TypeInfo(schema);
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          const parent = typeInfo.getParentType();
          // Validation has already rejected unknown fields; a missing parent means nothing to check.
          if (!parent) return;
          const coordinate = `${parent.name}.${field.name.value}`;
          touched.set(coordinate, { coordinate, isRoot: roots.has(parent.name) });
        },
        FragmentSpread(spread) {
          const name = spread.name.value;
          const def = fragments.get(name);
          if (def && !queued.has(name)) {
            queued.add(name);
            pending.push(def);
          }
        },
      }),
    );
  }
  return [...touched.values()];
}

/**
 * Decides whether the caller may run an operation touching these fields, one coordinate at a time
 * with the shared `decideFieldAccess`. Anonymous callers get
 * UNAUTHENTICATED for any non-`@public` root field or any role-protected field; signed-in callers
 * get FORBIDDEN naming every field their role may not read.
 * @param touched - from {@link collectTouchedFields}
 * @param rules - the rule map from the supergraph
 * @param caller - the verified caller
 * @param introspection - whether schema introspection (`__schema`, `__type`) is allowed
 */
export function decideAccess(touched: readonly TouchedField[], rules: AccessRules, caller: Caller, introspection: boolean): AccessDecision {
  const needSignIn: string[] = [];
  const forbidden: string[] = [];
  for (const { coordinate, isRoot } of touched) {
    const fieldName = coordinate.slice(coordinate.indexOf('.') + 1);
    if (fieldName === '__typename') continue;
    if (fieldName.startsWith('__')) {
      if (!introspection) forbidden.push(coordinate);
      continue;
    }
    // Service principals count as anonymous here: the router only ever serves users.
    const verdict = decideFieldAccess(caller, rules.get(coordinate), isRoot, coordinate);
    if (verdict === 'UNAUTHENTICATED') needSignIn.push(coordinate);
    else if (verdict === 'FORBIDDEN') forbidden.push(coordinate);
  }
  if (needSignIn.length > 0) return { allowed: false, code: 'UNAUTHENTICATED', fields: needSignIn.sort() };
  if (forbidden.length > 0) return { allowed: false, code: 'FORBIDDEN', fields: forbidden.sort() };
  return { allowed: true };
}
