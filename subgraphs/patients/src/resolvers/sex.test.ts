import { describe, expect, it } from 'vitest';
import { UnexpectedProtoEnum } from '@hospital/subgraph-kit';
import { graphqlSexFromProto, protoSexFromGraphql } from './sex.ts';

describe('sex spellings (the subgraph kit policy)', () => {
  it('maps set values both ways, "not recorded" being SEX_UNKNOWN', () => {
    expect(graphqlSexFromProto('SEX_FEMALE')).toBe('FEMALE');
    expect(graphqlSexFromProto('SEX_UNKNOWN')).toBe('UNKNOWN');
    expect(protoSexFromGraphql('OTHER')).toBe('SEX_OTHER');
  });

  it('fails SEX_UNSPECIFIED from the service as INTERNAL instead of guessing UNKNOWN', () => {
    expect(() => graphqlSexFromProto('SEX_UNSPECIFIED')).toThrow(UnexpectedProtoEnum);
  });
});
