/** Drug forms in their two spellings: stored `tablet`, proto `DRUG_FORM_TABLET`. */
import type { DrugForm__Output } from '@hospital/grpc-contracts';
import { fromProtoEnum, protoEnum, toProtoEnum } from '@hospital/service-kit';

/** Forms as stored. */
export const DRUG_FORMS = ['tablet', 'capsule', 'solution', 'injection', 'cream', 'inhaler', 'other'] as const;
/** A stored form. */
export type DrugFormName = (typeof DRUG_FORMS)[number];

/** The proto enum DrugForm. */
export const DRUG_FORM_ENUM = protoEnum('DRUG_FORM_', DRUG_FORMS);

/**
 * Proto → stored; undefined for unspecified or unknown values (the caller refuses them).
 * @param form - proto enum value, by name or number
 */
export function drugFormFromProto(form: string | number): DrugFormName | undefined {
  return fromProtoEnum(DRUG_FORM_ENUM, form);
}

/**
 * Stored → proto.
 * @param form - stored form
 */
export function drugFormToProto(form: DrugFormName): DrugForm__Output {
  return toProtoEnum(DRUG_FORM_ENUM, form);
}
