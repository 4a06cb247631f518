/** The clinical panels explain a refused record as the missing care relationship, not a role. */
import { describe, expect, it } from 'vitest';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { plainWords, PLAIN_WORDS } from '../../api/errors.ts';
import { CARE_REFUSAL_WORDS } from './care-words.ts';

const failed = (code: string) => new CombinedError({ graphQLErrors: [new GraphQLError('refused', { extensions: { code } })] });

describe('CARE_REFUSAL_WORDS', () => {
  it('says FORBIDDEN means no care relationship with the patient, and leaves other codes alone', () => {
    expect(plainWords(failed('FORBIDDEN'), CARE_REFUSAL_WORDS)).toMatch(/^You have no care relationship with this patient/);
    expect(plainWords(failed('NOT_FOUND'), CARE_REFUSAL_WORDS)).toBe(PLAIN_WORDS.NOT_FOUND);
  });
});
