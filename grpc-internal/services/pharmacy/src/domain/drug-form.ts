/** Drug forms in their two spellings: stored `tablet`, proto `DRUG_FORM_TABLET`. */
import type { DrugForm__Output } from '@hospital/grpc-contracts';

/** Forms as stored. */
export const DRUG_FORMS = ['tablet', 'capsule', 'solution', 'injection', 'cream', 'inhaler', 'other'] as const;
/** A stored form. */
export type DrugFormName = (typeof DRUG_FORMS)[number];

/**
 * Proto → stored; undefined for unspecified or unknown values (the caller refuses them).
 * @param form - proto enum value, by name or number
 */
export function drugFormFromProto(form: string | number): DrugFormName | undefined {
  const name = typeof form === 'number' ? DRUG_FORMS[form - 1] : form.replace(/^DRUG_FORM_/, '').toLowerCase();
  return (DRUG_FORMS as readonly string[]).includes(name ?? '') ? (name as DrugFormName) : undefined;
}

/**
 * Stored → proto.
 * @param form - stored form
 */
export function drugFormToProto(form: DrugFormName): DrugForm__Output {
  return `DRUG_FORM_${form.toUpperCase()}` as DrugForm__Output;
}
