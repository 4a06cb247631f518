/** References to other subgraphs' entities: the pharmacy holds their ids, the router resolves the rest. */

/** A `Patient` or `User` as this subgraph returns it: its key only. */
export interface EntityReference {
  /** The entity's id. */
  id: string;
}

/**
 * A reference for an id that may be empty (proto3 strings cannot be absent).
 * @param id - the id, or '' when there is none
 */
export function referenceOrNull(id: string): EntityReference | null {
  return id === '' ? null : { id };
}
