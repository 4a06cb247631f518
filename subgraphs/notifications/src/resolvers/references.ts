/** Entities of other subgraphs, as this subgraph returns them: a reference the router resolves. */

/** An appointment, resolved by the appointments subgraph. */
export interface AppointmentReference {
  id: string;
}

/** A lab order item, resolved by the clinical subgraph. */
export interface LabOrderReference {
  id: string;
}
