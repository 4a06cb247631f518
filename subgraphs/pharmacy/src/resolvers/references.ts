/** References to other subgraphs' entities: the pharmacy holds their ids, the router resolves the rest. */
// The codegen mapper of Patient and User (codegen.ts); the type and referenceTo are the kit's.
export type { EntityReference } from '@hospital/subgraph-kit';
