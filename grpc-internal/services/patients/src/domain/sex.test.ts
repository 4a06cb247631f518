import { describe, expect, it } from 'vitest';
import { SEXES, sexFromProto, sexToProto } from './sex.ts';

describe('sex mapping', () => {
  it('maps every stored value both ways', () => {
    for (const sex of SEXES) expect(sexFromProto(sexToProto(sex))).toBe(sex);
    expect(sexToProto('female')).toBe('SEX_FEMALE');
  });

  it('stores unspecified as unknown and refuses values the contract lacks', () => {
    expect(sexFromProto('SEX_UNSPECIFIED')).toBe('unknown');
    expect(sexFromProto(undefined)).toBe('unknown');
    expect(sexFromProto(9)).toBeUndefined();
    expect(sexFromProto('SEX_ROBOT')).toBeUndefined();
  });
});
