/**
 * 403s in FHIR terms: a FHIR client knows resource types and SMART scopes, not our GraphQL
 * coordinates, so a refusal names the FHIR type it could not read and, for an app, the scopes its
 * token lacks (worked out from the refused coordinates by the one scope table). The code mapping
 * (403, `forbidden`) is unchanged.
 */
import { SCOPE_ACTIONS, scopeNeededFor, scopesCover, type ScopeAction, type ScopeContext } from '@hospital/grpc-contracts/access';
import type { Caller } from '@hospital/service-kit';
import { FhirError } from './outcome.ts';

/** What a facade operation does, from its fixed name (`Fhir<Type><Read|Search>`). */
export interface FhirInteraction {
  type: string;
  verb: 'read' | 'search';
}

/**
 * The FHIR type and verb of one of the facade's operation names; undefined for any other name.
 * @param operationName - e.g. `FhirInvoiceSearch`
 */
export function interactionOf(operationName: string | null | undefined): FhirInteraction | undefined {
  const match = /^Fhir([A-Z][A-Za-z]*?)(Read|Search)$/.exec(operationName ?? '');
  return match ? { type: match[1]!, verb: match[2] === 'Read' ? 'read' : 'search' } : undefined;
}

const ROOTS = ['Query.', 'Mutation.', 'Subscription.'];

/**
 * The scopes that would open the refused coordinates (`system/Invoice.s`), in the caller's
 * context; `open` is false when some coordinate is open to no scope at all.
 * @param fields - refused schema coordinates
 * @param granted - the scopes the token holds
 * @param context - system (an app) or user (an app acting for a user)
 */
export function missingScopes(fields: readonly string[], granted: readonly string[], context: ScopeContext): { scopes: string[]; open: boolean } {
  const byResource = new Map<string, Set<ScopeAction>>();
  let open = true;
  for (const coordinate of fields) {
    const isRoot = ROOTS.some((root) => coordinate.startsWith(root));
    if (scopesCover(granted, coordinate, isRoot, context)) continue;
    const need = scopeNeededFor(coordinate, isRoot);
    if (need === 'shared') continue;
    if (need === undefined) {
      open = false;
      continue;
    }
    // Every coordinate of a resource must be opened by the one scope named: keep the actions all accept.
    const actions = new Set(need.actions);
    const kept = byResource.get(need.resource);
    byResource.set(need.resource, kept ? new Set([...kept].filter((a) => actions.has(a))) : actions);
  }
  const scopes = [...byResource].map(([resource, actions]) => `${context}/${resource}.${SCOPE_ACTIONS.filter((a) => actions.has(a)).join('')}`);
  return { scopes, open };
}

/**
 * The 403 of a refused facade operation, worded in FHIR terms.
 * @param interaction - the FHIR type and verb (a generic text without one)
 * @param caller - the verified caller
 * @param fields - the refused coordinates, when the refusal named them
 */
export function fhirForbidden(interaction: FhirInteraction | undefined, caller: Caller, fields: readonly string[] = []): FhirError {
  const what = interaction ? `${interaction.verb} ${interaction.type}` : 'read this';
  // Roles do not tell reading from searching: a role refusal names the type only.
  const typeText = interaction?.type ?? 'this';
  const app =
    caller.kind === 'app'
      ? { scopes: caller.scopes, context: 'system' as const }
      : caller.kind === 'user' && caller.app
        ? { scopes: caller.app.scopes, context: 'user' as const }
        : undefined;
  if (app && fields.length > 0) {
    const missing = missingScopes(fields, app.scopes, app.context);
    if (missing.scopes.length > 0) return forbidden(`This app may not ${what}: its token lacks the scope ${missing.scopes.join(' and ')}.`);
    if (!missing.open) return forbidden(`This app may not ${what}: no SMART scope opens it to apps.`);
  } else if (caller.kind === 'app') {
    return forbidden(`This app may not ${what}: its token's scopes do not cover it.`);
  }
  return forbidden(`Your role may not read ${typeText}.`);
}

function forbidden(message: string): FhirError {
  return new FhirError(403, 'forbidden', message);
}
