/** Enums in their two spellings: GraphQL `TABLET` / `PENDING`, proto `DRUG_FORM_TABLET` / `PRESCRIPTION_STATUS_PENDING`. */
import type { DrugForm__Output, PrescriptionStatus__Output, StockMovementKind__Output } from '@hospital/grpc-contracts';
import type { DrugForm, PrescriptionStatus, StockMovementKind } from '../__generated__/resolvers-types.ts';

/**
 * Proto → GraphQL. UNSPECIFIED never leaves the service on purpose: meeting it is a contract
 * breach, so the field fails instead of guessing.
 * @param value - proto enum value
 * @param prefix - the proto enum's prefix
 */
function fromProto<T extends string>(value: string, prefix: string): T {
  const name = value.slice(prefix.length);
  if (!value.startsWith(prefix) || name === 'UNSPECIFIED') throw new Error(`Unexpected enum value from service: ${value}`);
  return name as T;
}

/** @param form - proto form */
export const graphqlDrugForm = (form: DrugForm__Output): DrugForm => fromProto<DrugForm>(form, 'DRUG_FORM_');
/** @param form - GraphQL form */
export const protoDrugForm = (form: DrugForm): DrugForm__Output => `DRUG_FORM_${form}`;

/** @param status - proto status */
export const graphqlPrescriptionStatus = (status: PrescriptionStatus__Output): PrescriptionStatus =>
  fromProto<PrescriptionStatus>(status, 'PRESCRIPTION_STATUS_');
/** @param status - GraphQL status, or nothing for "any" */
export const protoPrescriptionStatus = (status: PrescriptionStatus | null | undefined): PrescriptionStatus__Output =>
  status ? `PRESCRIPTION_STATUS_${status}` : 'PRESCRIPTION_STATUS_UNSPECIFIED';

/** @param kind - proto movement kind */
export const graphqlMovementKind = (kind: StockMovementKind__Output): StockMovementKind => fromProto<StockMovementKind>(kind, 'STOCK_MOVEMENT_KIND_');
