/**
 * Shapes the finance resolvers receive for types that are not a proto message of their own
 * (codegen `mappers` in the root codegen.ts point here).
 */
import type { Invoice__Output } from '@hospital/grpc-contracts';

/** hospital.common.v1.Money as the promise client returns it: int64 minor units as a string. */
export type MoneyModel = NonNullable<Invoice__Output['total']>;

/** A patient as this subgraph knows it: only the key; the patients subgraph owns the rest. */
export interface PatientReference {
  /** Patient UUID. */
  id: string;
}
