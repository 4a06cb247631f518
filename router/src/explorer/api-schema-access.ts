/**
 * Who may read each field, written into the published API schema's descriptions (issue 16), so
 * clients and the explorer see it: "Roles: admin, doctor. App scopes: system/Patient.r or
 * system/Patient.s." Generated at `npm run schema:publish` from the one access module
 * (@hospital/grpc-contracts/access): every role and every single-action scope is put to
 * `decideFieldAccess`, the same decision router and subgraphs enforce, so a change of a rule or a
 * scope mapping shows here without touching this file. Never hand-written.
 */
import { isInterfaceType, isObjectType } from 'graphql';
import {
  decideFieldAccess,
  GRAPHQL_ROLES,
  readAccessRules,
  roleNameFromGraphql,
  rootTypeNames,
  SCOPE_ACTIONS,
  SCOPE_RESOURCES,
  schemaFromSdl,
  type AccessRules,
} from '@hospital/grpc-contracts/access';

/** The marker the generated line starts with; a description never carries two. */
export const ROLES_PREFIX = 'Roles: ';

/** Who may read one field, as the access module decides it. */
export interface FieldAccess {
  /** Roles (token spelling) admitted. */
  roles: string[];
  /** Callers without a token admitted too (`@public` root fields, or no demand at all). */
  anonymous: boolean;
  /** Single-action app scopes each admitting the field on its own. */
  scopes: string[];
  /** Every app scope admits it (shared plumbing such as PageInfo). */
  anyScope: boolean;
}

/** Every single-action system scope: `system/Patient.c` … `system/Medication.s`. */
function singleScopes(): string[] {
  return Object.keys(SCOPE_RESOURCES).flatMap((resource) => SCOPE_ACTIONS.map((action) => `system/${resource}.${action}`));
}

/**
 * Asks the access module who may read one coordinate.
 * @param rules - the rules table of the supergraph
 * @param coordinate - `Type.field`
 * @param isRoot - the type is Query, Mutation or Subscription
 */
export function fieldAccess(rules: AccessRules, coordinate: string, isRoot: boolean): FieldAccess {
  const rule = rules.get(coordinate);
  const roles = GRAPHQL_ROLES.map(roleNameFromGraphql).filter((role) => decideFieldAccess({ kind: 'user', role }, rule, isRoot, coordinate) === 'allowed');
  const anonymous = decideFieldAccess({ kind: 'anonymous' }, rule, isRoot, coordinate) === 'allowed';
  const candidates = singleScopes();
  const scopes = candidates.filter((scope) => decideFieldAccess({ kind: 'app', scopes: [scope] }, rule, isRoot, coordinate) === 'allowed');
  return { roles, anonymous, scopes, anyScope: scopes.length === candidates.length };
}

/**
 * The line for one field's description.
 * @param access - from {@link fieldAccess}
 * @param isRoot - root fields are called; other fields are read through the field that returned them
 */
export function accessLine(access: FieldAccess, isRoot: boolean): string {
  const all = access.roles.length === GRAPHQL_ROLES.length;
  let roles: string;
  if (all && access.anonymous) roles = isRoot ? 'anyone, no sign-in needed' : 'any caller the parent field admits';
  else if (all) roles = 'any signed-in user';
  else roles = access.roles.length > 0 ? access.roles.join(', ') : 'none';
  let scopes: string;
  if (access.anyScope) scopes = 'any (no data of its own)';
  else scopes = access.scopes.length > 0 ? access.scopes.join(' or ') : 'none (closed to apps)';
  return `${ROLES_PREFIX}${roles}. App scopes: ${scopes}.`;
}

/**
 * Every object and interface field's access line, by coordinate, read from the supergraph (where
 * the `@auth` / `@public` directives still are).
 * @param supergraphSdl - router/supergraph.graphql
 */
export function accessLines(supergraphSdl: string): Map<string, string> {
  const schema = schemaFromSdl(supergraphSdl);
  const rules = readAccessRules(schema);
  const roots = rootTypeNames(schema);
  const lines = new Map<string, string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    const isRoot = roots.has(type.name);
    for (const name of Object.keys(type.getFields())) {
      const coordinate = `${type.name}.${name}`;
      lines.set(coordinate, accessLine(fieldAccess(rules, coordinate, isRoot), isRoot));
    }
  }
  return lines;
}

/**
 * A description with its access line (replacing an older one).
 * @param description - the field's own description, if any
 * @param line - from {@link accessLines}
 */
export function withAccessLine(description: string | undefined, line: string): string {
  const own = (description ?? '').split(`\n\n${ROLES_PREFIX}`)[0]!.trim();
  return own ? `${own}\n\n${line}` : line;
}
