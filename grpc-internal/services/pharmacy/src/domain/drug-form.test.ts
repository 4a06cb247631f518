import { describe, expect, it } from 'vitest';
import { DRUG_FORMS, drugFormFromProto, drugFormToProto } from './drug-form.ts';

describe('drug forms', () => {
  it('round-trips every form', () => {
    for (const form of DRUG_FORMS) expect(drugFormFromProto(drugFormToProto(form))).toBe(form);
  });

  it('reads numbers and refuses unspecified or unknown values', () => {
    expect(drugFormFromProto(1)).toBe('tablet');
    expect(drugFormFromProto(7)).toBe('other');
    expect(drugFormFromProto(0)).toBeUndefined();
    expect(drugFormFromProto('DRUG_FORM_UNSPECIFIED')).toBeUndefined();
    expect(drugFormFromProto('DRUG_FORM_POWDER')).toBeUndefined();
  });
});
