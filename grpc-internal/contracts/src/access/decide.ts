/** The one answer to "may this caller touch this field (or type)?", given the rules table. */
import type { AccessRule } from './rules.ts';
import type { RoleName } from './roles.ts';
import { scopesCover, scopesCoverEntity } from './scopes.ts';

/**
 * Who is asking, as far as access rules care: only `kind: 'user'` with a role counts as signed in
 * (anonymous callers and service principals are treated alike). Structurally a `Caller`.
 */
export interface AccessSubject {
  kind: string;
  role?: RoleName;
  /** A third-party app's granted scopes (`kind: 'app'`); roles never apply to apps. */
  scopes?: readonly string[];
  /** The app a user acts through (authorization code + PKCE): its `user/` scopes narrow the role. */
  app?: { readonly scopes: readonly string[] };
}

/** Outcome of one check. */
export type AccessVerdict = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/**
 * Whether a rule can deny anyone at all: a root field not marked `@public`, or any `@auth`.
 * @param rule - the coordinate's rule, if any
 * @param isRoot - the field sits on Query, Mutation or Subscription
 */
export function needsCheck(rule: AccessRule | undefined, isRoot: boolean): boolean {
  return (isRoot && !rule?.public) || (rule !== undefined && rule.requires.length > 0);
}

/**
 * Decides one coordinate: a non-`@public` root field or any `@auth` needs a signed-in user
 * (UNAUTHENTICATED otherwise), whose role must be in every `@auth` list (FORBIDDEN otherwise).
 * `@auth` beats `@public`: a contradiction fails closed.
 * @param subject - the verified caller (undefined counts as anonymous)
 * @param rule - the coordinate's rule from the table, if any
 * @param isRoot - the field sits on a root type (type-level checks pass false)
 * @param coordinate - `Type.field`, which an app's scopes are matched against (scopes.ts)
 */
export function decideFieldAccess(subject: AccessSubject | undefined, rule: AccessRule | undefined, isRoot: boolean, coordinate?: string): AccessVerdict {
  // Apps are decided by scopes on every field (default deny), even where no role is demanded;
  // without the coordinate there is nothing to decide on, so that fails closed.
  if (subject?.kind === 'app') return coordinate !== undefined && scopesCover(subject.scopes ?? [], coordinate, isRoot) ? 'allowed' : 'FORBIDDEN';
  const byRole = decideByRole(subject, rule, isRoot);
  const app = actingAppOf(subject);
  // A user acting through an app: the role AND the app's user/ scopes, on every field (default deny, as for apps).
  if (byRole !== 'allowed' || !app) return byRole;
  return coordinate !== undefined && scopesCover(app.scopes, coordinate, isRoot, 'user') ? 'allowed' : 'FORBIDDEN';
}

/** The role part of a decision (users; anonymous and service callers count as not signed in). */
function decideByRole(subject: AccessSubject | undefined, rule: AccessRule | undefined, isRoot: boolean): AccessVerdict {
  if (!needsCheck(rule, isRoot)) return 'allowed';
  const role = subject?.kind === 'user' ? subject.role : undefined;
  if (role === undefined) return 'UNAUTHENTICATED';
  return (rule?.requires ?? []).every((anyOf) => anyOf.includes(role)) ? 'allowed' : 'FORBIDDEN';
}

function actingAppOf(subject: AccessSubject | undefined): AccessSubject['app'] {
  return subject?.kind === 'user' ? subject.app : undefined;
}

/**
 * Whether scopes bind this caller on every field, even where no role is demanded: an app, or a
 * user acting through one (subgraphs then guard every field for them, not only `@auth` ones).
 * @param subject - the verified caller
 */
export function isScopeBound(subject: AccessSubject | undefined): boolean {
  return subject?.kind === 'app' || actingAppOf(subject) !== undefined;
}

/**
 * Decides a subgraph's entity fetch (`__resolveReference`) of one type: an app by `r`/`s` on the
 * entity's resource (scopes.ts), a user by the type's `@auth` as for its fields.
 * @param subject - the verified caller (undefined counts as anonymous)
 * @param typeRule - the type-level rule, if any
 * @param typeName - the entity's type
 */
export function decideEntityAccess(subject: AccessSubject | undefined, typeRule: AccessRule | undefined, typeName: string): AccessVerdict {
  if (subject?.kind === 'app') return scopesCoverEntity(subject.scopes ?? [], typeName) ? 'allowed' : 'FORBIDDEN';
  const byRole = decideByRole(subject, typeRule, false);
  const app = actingAppOf(subject);
  if (byRole !== 'allowed' || !app) return byRole;
  return scopesCoverEntity(app.scopes, typeName, 'user') ? 'allowed' : 'FORBIDDEN';
}
