import { describe, expect, it } from 'vitest';
import { UnexpectedProtoEnum } from '@hospital/subgraph-kit';
import { consciousnessFromProto, consciousnessToProto } from './consciousness.ts';

describe('Consciousness spellings', () => {
  it('maps each level both ways', () => {
    expect(consciousnessFromProto('CONSCIOUSNESS_ALERT')).toBe('ALERT');
    expect(consciousnessFromProto('CONSCIOUSNESS_CVPU')).toBe('CVPU');
    expect(consciousnessToProto('ALERT')).toBe('CONSCIOUSNESS_ALERT');
    expect(consciousnessToProto('CVPU')).toBe('CONSCIOUSNESS_CVPU');
  });

  it('reads UNSPECIFIED or no measurements as not assessed (null), and sends an absent level as UNSPECIFIED', () => {
    expect(consciousnessFromProto('CONSCIOUSNESS_UNSPECIFIED')).toBeNull();
    expect(consciousnessFromProto(undefined)).toBeNull();
    expect(consciousnessToProto(null)).toBe('CONSCIOUSNESS_UNSPECIFIED');
    expect(consciousnessToProto(undefined)).toBe('CONSCIOUSNESS_UNSPECIFIED');
  });

  it('fails the field on a value outside the contract, never guessing null', () => {
    expect(() => consciousnessFromProto('CONSCIOUSNESS_CONFUSED')).toThrow(UnexpectedProtoEnum);
    expect(() => consciousnessFromProto('SEX_FEMALE')).toThrow(UnexpectedProtoEnum);
  });
});
