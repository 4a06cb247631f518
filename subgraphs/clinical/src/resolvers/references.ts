/** Entities other subgraphs own, as this subgraph holds them: by id only. */
// The codegen mapper of Patient and User (codegen.ts); the type and referenceTo are the kit's.
export type { EntityReference } from '@hospital/subgraph-kit';
