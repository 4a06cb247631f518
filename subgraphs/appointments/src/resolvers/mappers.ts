/**
 * What the resolvers of entity references pass around (codegen mappers): another subgraph's
 * entity is only its key here, and the router fetches the rest from its owner.
 */

/** A `Patient` as this subgraph knows it: the key, to which it adds `appointments`. */
export interface PatientReference {
  id: string;
}
