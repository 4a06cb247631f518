/**
 * proto3 strings cannot be absent: a service sends '' for "none" (no phone, not yet issued, no
 * amended result, no patient). The API shows that as null, and an id that may be empty as a null
 * reference — one rule for every subgraph.
 */

/**
 * The value, or null when it is empty (proto3 "unset").
 * @param value - a proto string field
 */
export const orNull = (value: string): string | null => (value === '' ? null : value);

/** Another subgraph's entity as this one holds it: its key only; the router fetches the rest from the owner. */
export interface EntityReference {
  /** The entity's id. */
  id: string;
}

/**
 * A reference to an entity by an id that may be empty (proto3 "unset"): null then.
 * @param id - the id as the service sends it, or '' when there is none
 */
export function referenceTo(id: string): EntityReference | null {
  return id === '' ? null : { id };
}
