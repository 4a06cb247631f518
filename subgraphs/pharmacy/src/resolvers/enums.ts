/** Enums in their two spellings: GraphQL `TABLET` / `PENDING`, proto `DRUG_FORM_TABLET` / `PRESCRIPTION_STATUS_PENDING`. */
import type { DrugForm__Output, PrescriptionStatus__Output, StockMovementKind__Output } from '@hospital/grpc-contracts';
import { enumFromProto, enumToProto, protoFilter } from '@hospital/subgraph-kit';
import type { DrugForm, PrescriptionStatus, StockMovementKind } from '../__generated__/resolvers-types.ts';

// The subgraph kit's policy: UNSPECIFIED from the service fails the field (INTERNAL); only an absent filter is sent as UNSPECIFIED.
const fromProto = <T extends string>(value: string, prefix: string): T => enumFromProto<T>(value, prefix);

/** @param form - proto form */
export const graphqlDrugForm = (form: DrugForm__Output): DrugForm => fromProto<DrugForm>(form, 'DRUG_FORM_');
/** @param form - GraphQL form */
export const protoDrugForm = (form: DrugForm): DrugForm__Output => enumToProto('DRUG_FORM_', form);

/** @param status - proto status */
export const graphqlPrescriptionStatus = (status: PrescriptionStatus__Output): PrescriptionStatus => fromProto<PrescriptionStatus>(status, 'PRESCRIPTION_STATUS_');
/** @param status - GraphQL status, or nothing for "any" */
export const protoPrescriptionStatus = (status: PrescriptionStatus | null | undefined): PrescriptionStatus__Output => protoFilter('PRESCRIPTION_STATUS_', status);

/** @param kind - proto movement kind */
export const graphqlMovementKind = (kind: StockMovementKind__Output): StockMovementKind => fromProto<StockMovementKind>(kind, 'STOCK_MOVEMENT_KIND_');
