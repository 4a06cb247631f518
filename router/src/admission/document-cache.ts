/**
 * Documents that passed parsing, the document budget and validation, by their text: a dashboard
 * sends the same few dozen operations all day, and validating them again on every request is
 * wasted CPU. Only valid documents are kept (the verdict does not depend on the caller), with a
 * bounded count and size, least recently used first out. The text itself is the key (a hash of
 * it would only add the hashing and a collision to reason about).
 *
 * Beside each kept document: the access decision per (operation, role), which depends on nothing
 * else (the rules and the schema are fixed for the router's life). What depends on variables
 * (coercion, cost with page sizes) is never kept: it runs on every request.
 */
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { actingAppKey, type Caller } from '@hospital/service-kit';
import type { AccessDecision } from '../operation-access.ts';

/** Documents kept. */
const MAX_ENTRIES = 500;
/** Longer texts are not kept (a few large documents must not crowd out the dashboards' own). */
const MAX_TEXT_CHARS = 32 * 1024;

/** A bounded LRU of valid documents. */
export class ValidDocumentCache {
  private readonly entries = new Map<string, DocumentNode>();
  /** Decisions by operation node, then by who asks; dropped with their document. */
  private readonly decisions = new WeakMap<OperationDefinitionNode, Map<string, AccessDecision>>();
  /** Access decisions computed (tests: proof a kept one was reused). */
  decisionsComputed = 0;

  /**
   * The valid document for a text, if known.
   * @param text - the document text
   */
  get(text: string): DocumentNode | undefined {
    const document = this.entries.get(text);
    if (document) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.entries.delete(text);
      this.entries.set(text, document);
    }
    return document;
  }

  /**
   * Remembers a document that passed validation.
   * @param text - its text
   * @param document - the parsed document
   */
  set(text: string, document: DocumentNode): void {
    if (text.length > MAX_TEXT_CHARS) return;
    this.entries.delete(text);
    this.entries.set(text, document);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }

  /**
   * The access decision for an operation and caller, computed once per (operation, role): a
   * caller's decision depends only on the role (or on not being a signed-in user).
   * @param operation - the operation node (of a kept document, or a fresh one: then kept as long as it lives)
   * @param caller - who asks
   * @param decide - computes the decision when it is not known
   */
  accessDecision(operation: OperationDefinitionNode, caller: Caller, decide: () => AccessDecision): AccessDecision {
    let byRole = this.decisions.get(operation);
    if (!byRole) {
      byRole = new Map();
      this.decisions.set(operation, byRole);
    }
    // An app's decision depends on its scopes alone: never shared with a user or anonymous caller.
    // A user acting through an app is also held to its scopes: never the same entry as the role alone.
    const key = caller.kind === 'user' ? `user:${caller.role}${actingAppKey(caller)}` : caller.kind === 'app' ? `app:${[...caller.scopes].sort().join(' ')}` : 'not-a-user';
    let decision = byRole.get(key);
    if (!decision) {
      decision = decide();
      this.decisionsComputed += 1;
      byRole.set(key, decision);
    }
    return decision;
  }
}
