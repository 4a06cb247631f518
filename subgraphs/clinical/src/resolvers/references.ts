/** Entities other subgraphs own, as this subgraph holds them: by id only. */

/** A `Patient` or `User` reference; the router fetches the rest from the owning subgraph. */
export interface EntityReference {
  /** The entity's id. */
  id: string;
}

/**
 * A reference to an entity by id; empty ids (proto3 "unset") become null.
 * @param id - the id as the clinical service sends it
 */
export function referenceTo(id: string): EntityReference | null {
  return id === '' ? null : { id };
}
