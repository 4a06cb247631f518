/**
 * Build-time composition: subgraph SDLs → supergraph SDL, failing on anything that could weaken
 * access control (composition errors, auth-related hints, root fields without an access rule).
 */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { AUTH_DIRECTIVE, findAuthPolicyProblems, PUBLIC_DIRECTIVE, schemaFromSdl } from './auth-policy.ts';

/** One subgraph's contract as read from `subgraphs/<name>/schema.graphql`. */
export interface SubgraphSource {
  /** Subgraph name (the folder name). */
  name: string;
  /** URL recorded in the supergraph. */
  url: string;
  /** The SDL text. */
  sdl: string;
}

/** What composition produced; `supergraphSdl` is set only when `errors` is empty. */
export interface CompositionOutcome {
  supergraphSdl?: string;
  /** Problems that fail the build. */
  errors: string[];
  /** Hints worth reading but not blocking. */
  warnings: string[];
}

/** The parts of a composition hint the policy looks at (the class itself is not exported). */
export interface HintLike {
  definition: { code: string };
  message: string;
  coordinate?: string;
}

/**
 * Hint codes that block the build. A non-repeatable directive with differing arguments keeps only
 * one application (silently dropping roles); directive-shape mismatches can change what @auth means.
 */
export const BLOCKING_HINT_CODES: ReadonlySet<string> = new Set([
  'INCONSISTENT_NON_REPEATABLE_DIRECTIVE_ARGUMENTS',
  'MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS',
  'INCONSISTENT_TYPE_SYSTEM_DIRECTIVE_REPEATABLE',
  'INCONSISTENT_TYPE_SYSTEM_DIRECTIVE_LOCATIONS',
  'DIRECTIVE_COMPOSITION_WARN',
]);

/**
 * True when a hint must fail the build: a blocking code, or any hint about the auth directives or
 * the Role enum (for example a role missing from one subgraph's enum).
 * @param hint - a composition hint
 */
export function isBlockingHint(hint: HintLike): boolean {
  if (BLOCKING_HINT_CODES.has(hint.definition.code)) return true;
  if (hint.coordinate === 'Role' || hint.coordinate?.startsWith('Role.')) return true;
  const authMention = new RegExp(`@(${AUTH_DIRECTIVE}|${PUBLIC_DIRECTIVE})\\b|"Role"|\\bRole\\b`);
  return authMention.test(hint.message);
}

/**
 * Composes subgraphs into a supergraph and applies the project's policy checks.
 * @param subgraphs - each subgraph's name, URL and SDL
 */
export function composeSupergraph(subgraphs: readonly SubgraphSource[]): CompositionOutcome {
  const errors: string[] = [];
  const services = [];
  for (const s of subgraphs) {
    try {
      services.push({ name: s.name, url: s.url, typeDefs: parse(s.sdl) });
    } catch (error) {
      errors.push(`[${s.name}] ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (errors.length > 0) return { errors, warnings: [] };

  const result = composeServices(services);
  if (result.errors) {
    return { errors: result.errors.map((e) => `${codeOf(e)}${e.message}`), warnings: [] };
  }
  const warnings: string[] = [];
  for (const hint of result.hints) {
    const line = `${hint.definition.code}: ${hint.message}`;
    (isBlockingHint(hint) ? errors : warnings).push(line);
  }
  errors.push(...findAuthPolicyProblems(schemaFromSdl(result.supergraphSdl)));
  if (errors.length > 0) return { errors, warnings };
  return { supergraphSdl: ensureTrailingNewline(result.supergraphSdl), errors, warnings };
}

function codeOf(error: Error): string {
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  return typeof code === 'string' ? `${code}: ` : '';
}

function ensureTrailingNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
